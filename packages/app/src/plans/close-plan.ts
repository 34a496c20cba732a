import { closePlan as close, type Plan } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireProducerOrAdmin } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import type { ReservationDeps } from "../reservations/reservation-deps.ts";
import { endSales } from "./plan-status.ts";

export type ClosePlanDeps = Pick<
  ReservationDeps,
  "plans" | "waitlists" | "ids" | "clock" | "config"
>;

/** The producer (or an admin) ends sales early: open -> closed, the waitlist withdrawn. */
export const closePlan =
  (deps: ClosePlanDeps) =>
  (actor: Actor, input: { readonly planId: string }): TE.TaskEither<AppError, Plan> =>
    pipe(
      loadPlan(deps.plans, input.planId),
      TE.chain((plan) => requireProducerOrAdmin(actor, plan)),
      TE.chain((plan) => endSales(deps)(actor, plan.id, close)),
    );
