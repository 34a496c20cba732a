import { type Plan, sharesAvailable } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { loadVisiblePlan } from "../loading.ts";
import type { ReservationDeps } from "../reservations/reservation-deps.ts";

export interface PlanView {
  readonly plan: Plan;
  readonly sharesSold: number;
  /** What a buyer can take now (shares held for waitlist offers are not for sale). */
  readonly sharesRemaining: number;
}

export const planView = (plan: Plan): PlanView => ({
  plan,
  sharesSold: plan.sharesSold,
  sharesRemaining: Math.max(0, sharesAvailable(plan)),
});

/** A plan as a buyer sees it; a draft is visible only to its producer and admins (PLAN.NOT_FOUND to others). */
export const getPlan =
  (deps: Pick<ReservationDeps, "plans">) =>
  (actor: Actor, input: { readonly planId: string }): TE.TaskEither<AppError, PlanView> =>
    pipe(loadVisiblePlan(deps.plans, actor, input.planId), TE.map(planView));
