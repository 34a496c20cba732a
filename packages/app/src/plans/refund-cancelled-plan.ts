import type { Ownership, PlanId, RefundIntent } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireStatus } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { payBookingRefunds } from "../experiences/booking-payment-news.ts";
import { loadPlan } from "../loading.ts";
import { type FinishRefundDeps, finishRefundIntent } from "../reservations/finish-refund-intent.ts";
import { type ReleaseDeps, releaseOwnershipWithRefund } from "../reservations/release-ownership.ts";
import type { ReservationDeps } from "../reservations/reservation-deps.ts";

export type RefundCancelledPlanDeps = ReleaseDeps &
  Pick<ReservationDeps, "payments"> &
  Pick<FinishRefundDeps, "refundIntents">;

export interface RefundCancelledPlanReport {
  /** Ownerships released (and their refund committed) by this run. */
  readonly released: number;
  /** Refunds the processor confirmed by this run. */
  readonly refundsSucceeded: number;
  /** Refunds the processor accepted but has not confirmed yet (refund.updated will). */
  readonly refundsPending: number;
  /** Refunds declined (now or before, still): retried by the next run, reported here. */
  readonly refundsFailed: number;
  readonly refundYen: number;
}

const PAGE = 100;

const tally = (
  report: RefundCancelledPlanReport,
  released: boolean,
  intent: RefundIntent | undefined,
  before: RefundIntent | undefined,
): RefundCancelledPlanReport => ({
  released: report.released + (released ? 1 : 0),
  refundsSucceeded:
    report.refundsSucceeded +
    (intent?.state === "succeeded" && before?.state !== "succeeded" ? 1 : 0),
  refundsPending: report.refundsPending + (intent?.state === "pending" ? 1 : 0),
  refundsFailed: report.refundsFailed + (intent?.state === "failed" ? 1 : 0),
  refundYen:
    report.refundYen +
    (intent?.state === "succeeded" && before?.state !== "succeeded" ? intent.amountYen : 0),
});

/**
 * The refunds of a cancelled plan, resumable: every ownership still holding shares (active, or
 * pending_payment) is released with its refund intent in one atomic write, then refunded at the
 * processor; an ownership released earlier whose refund is still open (a decline, a crash) is
 * retried. A declined refund is counted and left failed for the next run, never stopping the
 * others; an unreachable processor stops the run (the next one resumes: every step is keyed).
 * A plan refunded after shortfall refunds gets back only the rest (the ledger's charges minus
 * refunds). Unspent shortfall credit was voided when the plan was cancelled (cancelPlan).
 */
export const refundCancelledPlan =
  (deps: RefundCancelledPlanDeps) =>
  (actor: Actor, planId: PlanId): TE.TaskEither<AppError, RefundCancelledPlanReport> => {
    const one =
      (report: RefundCancelledPlanReport) =>
      (ownership: Ownership): TE.TaskEither<AppError, RefundCancelledPlanReport> => {
        const releasing = ownership.status === "active" || ownership.status === "pending_payment";
        // Already released: answered with its stored intent, whose open refund is retried.
        return pipe(
          releaseOwnershipWithRefund(deps)(actor, ownership.id, "plan-cancellation"),
          // The paid bookings released with it (their refunds committed in the same write).
          TE.chainFirst((done) => payBookingRefunds(deps)(done.bookingRefundIntents)),
          TE.chain((done) => {
            const intent = done.refundIntent;
            if (intent === undefined) {
              const unpaid = releasing && ownership.payment?.status === "pending";
              return pipe(
                unpaid
                  ? pipe(
                      deps.payments.expireCheckout(ownership.payment?.id ?? ""),
                      TE.orElse(() => TE.right<AppError, unknown>(undefined)),
                    )
                  : TE.right<AppError, unknown>(undefined),
                TE.map(() => tally(report, releasing, undefined, undefined)),
              );
            }
            return pipe(
              finishRefundIntent(deps)(intent),
              TE.map((after) => tally(report, releasing, after, intent)),
            );
          }),
        );
      };
    const page = (
      cursor: string | undefined,
      report: RefundCancelledPlanReport,
    ): TE.TaskEither<AppError, RefundCancelledPlanReport> =>
      pipe(
        deps.ownerships.listByPlan(
          planId,
          cursor === undefined ? { limit: PAGE } : { limit: PAGE, cursor },
        ),
        TE.chain((found) =>
          pipe(
            found.items.reduce(
              (acc, ownership) =>
                pipe(
                  acc,
                  TE.chain((r) => one(r)(ownership)),
                ),
              TE.right<AppError, RefundCancelledPlanReport>(report),
            ),
            TE.chain((next) =>
              found.nextCursor === undefined ? TE.right(next) : page(found.nextCursor, next),
            ),
          ),
        ),
      );
    return pipe(
      loadPlan(deps.plans, planId),
      TE.chain((plan) =>
        requireStatus(plan, ["cancelled"], "refund the owners of a plan not cancelled"),
      ),
      TE.chain(() =>
        page(undefined, {
          released: 0,
          refundsSucceeded: 0,
          refundsPending: 0,
          refundsFailed: 0,
          refundYen: 0,
        }),
      ),
    );
  };
