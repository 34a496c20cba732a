import {
  type AuditEntry,
  fullRefundEntries,
  type Instant,
  type LedgerEntry,
  type LedgerReason,
  type Ownership,
  ownershipCancelled,
  type Plan,
  type RefundIntent,
  refundIntentIdOf,
  sumYen,
  type Yen,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import { auditHead, ledgerContext, moneyAudit } from "../audit-records.ts";
import { retryOnConflict } from "../conflict-retry.ts";
import type { AppError } from "../errors.ts";
import { decided } from "../errors.ts";
import { ownerBookingReleases } from "../experiences/owner-booking-releases.ts";
import { loadOwnership, loadPlan } from "../loading.ts";
import { followUpOffers } from "../waitlist/offer-follow-up.ts";
import { offersMadeBy } from "../waitlist/waitlist-offer-notices.ts";
import {
  freedSharesToLine,
  offerHeldShares,
  offersBesideBookings,
} from "../waitlist/waitlist-steps.ts";
import { creditMovementRecords, creditMoveOf } from "./reservation-credit.ts";
import type { ReservationDeps } from "./reservation-deps.ts";
import { paymentFailedNotice } from "./reservation-notices.ts";

const refundedYen = (entries: readonly LedgerEntry[]): Yen =>
  sumYen(entries.filter((e) => e.kind === "refund").map((e) => e.amountYen));

export type ReleaseDeps = Pick<
  ReservationDeps,
  | "plans"
  | "ownerships"
  | "waitlists"
  | "ledger"
  | "refundIntents"
  | "clock"
  | "ids"
  | "config"
  | "outbox"
  | "scheduler"
  | "experiences"
  | "payments"
>;

export type ReleaseReason = Extract<LedgerReason, "cancellation" | "plan-cancellation">;

/** A released ownership and the refund committed with it (none when nothing was paid). */
export interface Release {
  readonly ownership: Ownership;
  readonly refundIntent?: RefundIntent;
  /** The refunds of paid bookings released with it, committed in the same write, to pay now. */
  readonly bookingRefundIntents?: readonly RefundIntent[];
}

/**
/**
 * The one release path of a payment that did not happen: `before` (an unpaid hold) becomes
 * `after` (payment_failed) in one atomic write with the given ledger and audit entries; its shares
 * go back to the plan and the owner's cap and (on an open plan) are offered to the waitlist in line
 * order, whose new offers are then notified and scheduled to expire. Store credit it spent goes
 * back to the owner's balance in the same write. STORE.VERSION_CONFLICT when `before` is stale:
 * callers re-read and retry.
 */
export const releaseShares =
  (deps: ReleaseDeps) =>
  (
    actor: Actor,
    before: Ownership,
    after: Ownership,
    ledgerEntries: readonly LedgerEntry[],
    audit: readonly AuditEntry[],
    /** Why the payment did not happen, for the owner's notice written with the release. */
    failure: "failed" | "expired" = "failed",
  ): TE.TaskEither<AppError, Ownership> =>
    pipe(
      loadPlan(deps.plans, before.planId),
      TE.chain((plan) => {
        const now = deps.clock.now();
        const creditRelease = creditMoveOf(before, plan.producerId);
        return pipe(
          TE.Do,
          TE.bind("line", () => freedSharesToLine(deps)(actor, plan, before.shares, now)),
          TE.bind("released", () =>
            creditMovementRecords(deps.ids, actor, before, now, "credit-released"),
          ),
          TE.chain(({ line, released }) => {
            const write = deps.ownerships.cancel({
              ownership: after,
              expectedVersion: before.version,
              expectedStatus: before.status === "pending_payment" ? "pending_payment" : "active",
              ledgerEntries: [...ledgerEntries, ...released.ledger],
              ...(creditRelease === undefined ? {} : { creditRelease }),
              audit: [...audit, ...released.audit, ...(line?.audit ?? [])],
              ...(line === undefined
                ? {}
                : { waitlist: { change: line.change, offeredShares: line.offeredShares } }),
              notices: [
                paymentFailedNotice(deps.ids, plan, before, failure, now),
                ...(line?.notices ?? []),
              ],
            });
            return line === undefined
              ? write
              : pipe(
                  write,
                  TE.chainFirst(() => followUpOffers(deps)(plan, offersMadeBy(line.change), now)),
                );
          }),
        );
      }),
    );

/**
 * The ledger entries reversing what the ownership paid: what was charged minus what was refunded
 * already (a shortfall refund, say), from its ledger history. Nothing charged, nothing to reverse.
 */
const reversal = (
  deps: Pick<ReleaseDeps, "ids">,
  actor: Actor,
  ownership: Ownership,
  history: readonly LedgerEntry[],
  now: Instant,
  reason: ReleaseReason,
) =>
  ownership.status !== "active" || !history.some((e) => e.kind === "charge")
    ? E.right<never, LedgerEntry[]>([])
    : fullRefundEntries(ledgerContext(deps.ids, ownership, now, actor, reason), reason, history);

const intentFor = (
  ownership: Ownership,
  amountYen: Yen,
  reason: ReleaseReason,
  now: Instant,
): RefundIntent | undefined =>
  amountYen <= 0
    ? undefined
    : {
        id: refundIntentIdOf(ownership.id),
        planId: ownership.planId,
        ownershipId: ownership.id,
        ...(ownership.payment?.paymentIntentId === undefined
          ? {}
          : { paymentIntentId: ownership.payment.paymentIntentId }),
        amountYen,
        reason,
        state: "pending",
        declines: 0,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };

/** The intent stored for an ownership released earlier, so a retried release can finish it. */
const storedIntent = (deps: Pick<ReleaseDeps, "refundIntents">, ownership: Ownership) =>
  pipe(
    deps.refundIntents.get(refundIntentIdOf(ownership.id)),
    TE.map(
      O.match(
        (): Release => ({ ownership }),
        (refundIntent): Release => ({ ownership, refundIntent }),
      ),
    ),
  );

/**
 * Releases an ownership in one atomic write: it becomes cancelled, its shares go back to the plan
 * and the owner's cap and (on an open plan) are offered to the waitlist in line order, the ledger
 * reverses what it paid (charges minus refunds so far), and a refund intent for that amount is
 * stored (state pending). The processor is called only after this commit (finishRefundIntent), so
 * a crash in between leaves a pending intent that reconciliation finishes: never lost, never
 * doubled. A pending_payment ownership paid nothing: released with no entries and no intent.
 * Who may do it and when is the caller's check. Re-read and retried when it loses a race; an
 * ownership already released is returned as it is, with its stored intent.
 */
export const releaseOwnershipWithRefund =
  (deps: ReleaseDeps) =>
  (
    actor: Actor,
    ownershipId: string,
    reason: ReleaseReason,
    /**
     * The caller's rule on who may release it and when, run again on every read: a retry after a
     * lost race reads the ownership anew (an unpaid hold may have been paid meanwhile) and must
     * not release what the rule now refuses.
     */
    mayRelease: (plan: Plan, ownership: Ownership) => TE.TaskEither<AppError, unknown> = () =>
      TE.right(undefined),
  ): TE.TaskEither<AppError, Release> =>
    retryOnConflict(deps.config.conflictRetry, () =>
      pipe(
        loadOwnership(deps.ownerships, ownershipId),
        TE.chain((ownership) =>
          ownership.status !== "active" && ownership.status !== "pending_payment"
            ? storedIntent(deps, ownership)
            : pipe(
                TE.Do,
                TE.bind("plan", () => loadPlan(deps.plans, ownership.planId)),
                // Before anything is read for it (unpaid booking checkouts are ended before the
                // write): a release the caller's rule now refuses goes no further.
                TE.chainFirst(({ plan }) => mayRelease(plan, ownership)),
                TE.bind("history", () =>
                  deps.ledger.listByOwnership(ownership.planId, ownership.id),
                ),
                TE.bind("now", () => TE.right(deps.clock.now())),
                TE.bind("refund", ({ history, now }) =>
                  decided(reversal(deps, actor, ownership, history, now, reason)),
                ),
                // The owner's experience seats go with its last paid ownership, in the same write.
                TE.bind("bookingReleases", ({ now }) => ownerBookingReleases(deps)(ownership, now)),
                // Offered in the write as far as it has room beside the bookings; the rest of the
                // freed shares are held for the line and offered right after (offerHeldShares).
                TE.bind("line", ({ plan, now, bookingReleases }) =>
                  freedSharesToLine(deps)(
                    actor,
                    plan,
                    ownership.shares,
                    now,
                    offersBesideBookings(
                      bookingReleases?.releases.map((release) => release.booking) ?? [],
                    ),
                  ),
                ),
                // Credit the ownership spent goes back to the owner's balance, in the same write.
                TE.bind("released", ({ now }) =>
                  creditMovementRecords(deps.ids, actor, ownership, now, "credit-released"),
                ),
                TE.chain(({ plan, now, refund, line, released, bookingReleases }) => {
                  const creditRelease = creditMoveOf(ownership, plan.producerId);
                  const cancelled: Ownership = {
                    ...ownership,
                    status: "cancelled",
                    cancelledAt: now,
                    version: ownership.version + 1,
                  };
                  const refundIntent = intentFor(ownership, refundedYen(refund), reason, now);
                  const head = (what: string) =>
                    auditHead(deps.ids, actor, now, ownership.id, what);
                  const write = pipe(
                    deps.ownerships.cancel({
                      ownership: cancelled,
                      expectedVersion: ownership.version,
                      ...(ownership.status === "pending_payment"
                        ? { expectedStatus: "pending_payment" as const }
                        : {}),
                      // An owner's own cancellation races the allocation batch: the store refuses
                      // it once allocation started. A cancelled plan is released regardless.
                      ...(reason === "cancellation" ? { beforeAllocation: true } : {}),
                      ledgerEntries: [...refund, ...released.ledger],
                      ...(creditRelease === undefined ? {} : { creditRelease }),
                      audit: [
                        ownershipCancelled(head("cancelled"), ownership, cancelled),
                        ...(refund.length === 0
                          ? []
                          : [
                              moneyAudit(
                                head("refunded"),
                                "money.refunded",
                                ownership,
                                refundedYen(refund),
                              ),
                            ]),
                        ...released.audit,
                        ...(line?.audit ?? []),
                      ],
                      ...(line === undefined
                        ? {}
                        : { waitlist: { change: line.change, offeredShares: line.offeredShares } }),
                      ...(refundIntent === undefined ? {} : { refundIntent }),
                      ...(line === undefined ? {} : { notices: line.notices }),
                      ...(bookingReleases === undefined ? {} : { bookingReleases }),
                    }),
                    TE.map(
                      (stored): Release => ({
                        ownership: stored,
                        ...(refundIntent === undefined ? {} : { refundIntent }),
                        ...(bookingReleases?.refundIntents === undefined
                          ? {}
                          : { bookingRefundIntents: bookingReleases.refundIntents }),
                      }),
                    ),
                  );
                  return line === undefined
                    ? write
                    : pipe(
                        write,
                        TE.chainFirst(() =>
                          followUpOffers(deps)(plan, offersMadeBy(line.change), now),
                        ),
                        // The shares this write held for the line are offered by the next writes;
                        // committed already, so a failure here leaves them held (the expiry batch
                        // offers them), it does not fail the release.
                        TE.chainFirst(() =>
                          (line.change.after.heldForLine ?? 0) === 0
                            ? TE.right(undefined)
                            : pipe(
                                offerHeldShares(deps)(actor, plan),
                                TE.chain((offers) => followUpOffers(deps)(plan, offers, now)),
                                TE.orElse(() => TE.right<AppError, void>(undefined)),
                              ),
                        ),
                      );
                }),
              ),
        ),
      ),
    );

/** releaseOwnershipWithRefund, for callers that only need the ownership. */
export const releaseOwnership =
  (deps: ReleaseDeps) =>
  (actor: Actor, ownershipId: string, reason: ReleaseReason): TE.TaskEither<AppError, Ownership> =>
    pipe(
      releaseOwnershipWithRefund(deps)(actor, ownershipId, reason),
      TE.map((release) => release.ownership),
    );
