import type { Ownership, OwnershipId, Plan, PlanId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { canSee } from "./access.ts";
import type { Actor } from "./actor.ts";
import type { AppError } from "./errors.ts";
import type { OwnershipStore } from "./ports/ownership-store.ts";
import type { PlanRepository } from "./ports/plan-repository.ts";
import { storeErrors } from "./store-errors.ts";

/** The plan, or PLAN.NOT_FOUND. */
export const loadPlan = (plans: PlanRepository, planId: string): TE.TaskEither<AppError, Plan> =>
  pipe(
    plans.get(planId as PlanId),
    TE.chain(
      O.match(
        (): TE.TaskEither<AppError, Plan> => TE.left(storeErrors.planNotFound(planId)),
        TE.right,
      ),
    ),
  );

/** The plan if the actor may see it; a draft is PLAN.NOT_FOUND to anyone but its producer. */
export const loadVisiblePlan = (
  plans: PlanRepository,
  actor: Actor,
  planId: string,
): TE.TaskEither<AppError, Plan> =>
  pipe(
    loadPlan(plans, planId),
    TE.chain((plan) =>
      canSee(actor, plan) ? TE.right(plan) : TE.left(storeErrors.planNotFound(planId)),
    ),
  );

/** The ownership, or OWNERSHIP.NOT_FOUND. */
export const loadOwnership = (
  ownerships: OwnershipStore,
  id: string,
): TE.TaskEither<AppError, Ownership> =>
  pipe(
    ownerships.get(id as OwnershipId),
    TE.chain(
      O.match(
        (): TE.TaskEither<AppError, Ownership> => TE.left(storeErrors.ownershipNotFound(id)),
        TE.right,
      ),
    ),
  );
