import type { Plan, PlanViewer } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { isActiveOwnerOf, isProducerOf } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";

/** The actor's relation to the plan, as the domain's visibility rules need it (undefined: anonymous). */
export const planViewer = (
  ownerships: OwnershipStore,
  actor: Actor | undefined,
  plan: Plan,
): TE.TaskEither<AppError, PlanViewer | undefined> =>
  actor === undefined
    ? TE.right(undefined)
    : pipe(
        isActiveOwnerOf(ownerships, actor, plan.id),
        TE.map((isOwnerOfPlan) => ({
          id: actor.id,
          isOwnerOfPlan,
          isProducerOfPlan: isProducerOf(actor, plan),
        })),
      );
