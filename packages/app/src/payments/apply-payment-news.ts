import {
  decidePaymentNews,
  latePaymentEntries,
  type Ownership,
  ownershipPaymentChanged,
  type PaymentNews,
  paymentAmounts,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import { auditHead, ledgerContext, moneyAudit } from "../audit-records.ts";
import { retryOnConflict } from "../conflict-retry.ts";
import type { AppError } from "../errors.ts";
import { decided } from "../errors.ts";
import { loadOwnership, loadPlan } from "../loading.ts";
import { type ReleaseDeps, releaseShares } from "../reservations/release-ownership.ts";
import type { ReservationDeps } from "../reservations/reservation-deps.ts";
import { reservationPaidNotice } from "../reservations/reservation-notices.ts";
import { paymentRecords } from "../reservations/reservation-steps.ts";

export type PaymentNewsDeps = ReleaseDeps & Pick<ReservationDeps, "payments">;

/** The late refund's own idempotency key: a payment that came too late is refunded once. */
export const lateRefundKeyOf = (ownership: Pick<Ownership, "id">) => `${ownership.id}:late-refund`;

/**
 * A hold whose checkout was opened but not yet recorded (a crash between the two) learns its
 * payment from the processor's news: the one checkout of an ownership is the one its news names.
 */
const withPaymentOf = (ownership: Ownership, news: PaymentNews): Ownership =>
  ownership.payment !== undefined
    ? ownership
    : {
        ...ownership,
        payment: {
          id: news.paymentId,
          status: "pending",
          expiresAt: ownership.holdExpiresAt ?? ownership.reservedAt,
          amountYen: paymentAmounts(ownership).amountYen,
        },
      };

/**
 * Applies what the processor says about an ownership's payment (a webhook, or a lookup when its
 * hold is over), safely in any order and any number of times (decidePaymentNews):
 * - paid: the ownership becomes active with its charge, payout and fee entries, in one write;
 * - failed or expired: its shares are released exactly as a cancellation releases them (to the
 *   waitlist first), with nothing to refund;
 * - paid after its shares were released: refunded in full at the processor first (keyed, so a
 *   retry refunds once), then the payment and its charge and refund are recorded.
 * Returns the ownership as it is afterwards.
 */
export const applyPaymentNews =
  (deps: PaymentNewsDeps) =>
  (actor: Actor, ownershipId: string, news: PaymentNews): TE.TaskEither<AppError, Ownership> =>
    retryOnConflict(deps.config.conflictRetry, () =>
      pipe(
        loadOwnership(deps.ownerships, ownershipId),
        TE.chain((stored) => {
          const before = withPaymentOf(stored, news);
          const now = deps.clock.now();
          const head = (what: string) => auditHead(deps.ids, actor, now, stored.id, what);
          return pipe(
            decided(decidePaymentNews(before, news)),
            TE.chain((decision): TE.TaskEither<AppError, Ownership> => {
              switch (decision.kind) {
                case "none":
                  return TE.right(stored);
                case "confirm":
                  return pipe(
                    TE.Do,
                    TE.bind("plan", () => loadPlan(deps.plans, stored.planId)),
                    TE.bind("records", () => paymentRecords(deps, actor, decision.ownership, now)),
                    TE.chain(({ plan, records }) =>
                      deps.ownerships.confirmPayment({
                        ownership: decision.ownership,
                        expectedVersion: stored.version,
                        ledgerEntries: records.ledgerEntries,
                        audit: [
                          ownershipPaymentChanged(
                            head("paid"),
                            "ownership.paid",
                            stored,
                            decision.ownership,
                          ),
                          ...records.audit,
                        ],
                        // The owner hears it is paid from the very write that makes it so.
                        notices: [reservationPaidNotice(deps.ids, plan, decision.ownership, now)],
                      }),
                    ),
                  );
                case "release":
                  return releaseShares(deps)(
                    actor,
                    stored,
                    decision.ownership,
                    [],
                    [
                      ownershipPaymentChanged(
                        head("payment-failed"),
                        "ownership.payment_failed",
                        stored,
                        decision.ownership,
                      ),
                    ],
                    news.outcome === "expired" ? "expired" : "failed",
                  );
                case "refund-late": {
                  const paid = paymentAmounts(decision.ownership);
                  return pipe(
                    deps.payments.refundPayment({
                      idempotencyKey: lateRefundKeyOf(stored),
                      paymentIntentId: decision.paymentIntentId,
                      amountYen: decision.amountYen,
                      planId: stored.planId,
                      ownershipId: stored.id,
                    }),
                    TE.chain(() =>
                      decided(
                        latePaymentEntries(
                          ledgerContext(deps.ids, stored, now, actor, "reservation"),
                          ledgerContext(deps.ids, stored, now, actor, "late-payment"),
                          {
                            totalYen: decision.amountYen,
                            feeYen: paid.feeYen,
                            payoutYen: paid.payoutYen,
                          },
                        ),
                      ),
                    ),
                    TE.chain((ledgerEntries) =>
                      deps.ownerships.amend({
                        ownership: decision.ownership,
                        expectedVersion: stored.version,
                        ledgerEntries,
                        audit: [
                          moneyAudit(head("charged"), "money.charged", stored, decision.amountYen),
                          moneyAudit(
                            head("late-refunded"),
                            "money.refunded",
                            stored,
                            decision.amountYen,
                          ),
                        ],
                      }),
                    ),
                  );
                }
              }
            }),
          );
        }),
      ),
    );
