import { isRefundIntentOpen } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import {
  type RefundCancelledPlanDeps,
  refundCancelledPlan,
} from "../plans/refund-cancelled-plan.ts";
import type { PlanWork } from "./plan-jobs.ts";

/**
 * `refund-cancelled-plans`: cancelled plans with shares still held (sold shares not yet
 * released) or a refund still open (declined before: retried on every run until it succeeds).
 * Each plan runs under its own lease and checkpoint (planSweepJob); a rerun after a crash
 * releases only who is left and refunds nobody twice.
 */
export const refundCancelledPlansWork = (
  deps: RefundCancelledPlanDeps,
  actor: Actor,
): PlanWork => ({
  batch: "refund-cancelled-plans",
  statuses: ["cancelled"],
  hasWork: (plan) =>
    plan.sharesSold > 0
      ? TE.right(true)
      : pipe(
          deps.refundIntents.listByPlan(plan.id),
          TE.map((intents) => intents.some(isRefundIntentOpen)),
        ),
  run: (planId) =>
    pipe(
      refundCancelledPlan(deps)(actor, planId),
      TE.map((report) => ({
        plansRefunded: 1,
        ownershipsReleased: report.released,
        refundsSucceeded: report.refundsSucceeded,
        refundsPending: report.refundsPending,
        refundsFailed: report.refundsFailed,
        refundYen: report.refundYen,
      })),
    ),
});
