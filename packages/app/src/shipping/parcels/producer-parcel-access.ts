import type { Plan, PlanId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireProducerOf, requireStatus } from "../../access.ts";
import type { Actor } from "../../actor.ts";
import type { AppError } from "../../errors.ts";
import { loadPlan } from "../../loading.ts";
import type { PlanRepository } from "../../ports/plan-repository.ts";

/**
 * The plan whose parcels its producer marks: allocated (parcels are scheduled) or shipped (a
 * late correction). A cancelled plan ships nothing; a completed one is a record.
 */
export const planForShipping = (
  plans: PlanRepository,
  actor: Actor,
  planId: PlanId,
): TE.TaskEither<AppError, Plan> =>
  pipe(
    loadPlan(plans, planId),
    TE.chain((plan) => requireProducerOf(actor, plan)),
    TE.chain((plan) => requireStatus(plan, ["allocated", "shipped"], "mark parcels shipped")),
  );
