import { publishPlan as open, type Plan } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireProducerOf } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { decided } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import type { ReservationDeps } from "../reservations/reservation-deps.ts";
import { savePlanChange } from "./plan-change.ts";

export type PublishPlanDeps = Pick<ReservationDeps, "plans" | "clock" | "ids">;

/** The producer opens its draft for sale (draft -> open); its structural terms freeze. */
export const publishPlan =
  (deps: PublishPlanDeps) =>
  (actor: Actor, input: { readonly planId: string }): TE.TaskEither<AppError, Plan> =>
    pipe(
      loadPlan(deps.plans, input.planId),
      TE.chain((plan) => requireProducerOf(actor, plan)),
      TE.chain((plan) =>
        pipe(
          decided(open(plan, deps.clock.now())),
          TE.chain((next) => savePlanChange(deps)(actor, plan, next)),
        ),
      ),
    );
