import type { BookingId, ExperienceId, LedgerEntryId, OwnershipId, PlanId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { Yen } from "./money.ts";

/**
 * Where a refund the platform owes stands at the processor. `pending` is committed (written with
 * the release, in the same atomic write) but not yet confirmed; `failed` was declined and is
 * retried by reconciliation; `succeeded` is final. It only moves forward: nothing leaves
 * `succeeded`, and `failed` may still become `succeeded` on a retry.
 */
export type RefundIntentState = "pending" | "succeeded" | "failed";

/**
 * A refund committed together with the release of an ownership (or the cancellation of a paid
 * experience booking), finished after the commit; or a shortfall refund the processor took
 * without confirming it (see shortfallRefundIntent).
 */
export interface RefundIntent {
  /**
   * Also the processor call's idempotency key: one refund per released ownership or booking, or
   * per shortfall refund ledger entry.
   */
  readonly id: string;
  /** The plan of the ownership (or of the booking's experience). */
  readonly planId: PlanId;
  /** The ownership refunded; absent for a booking's refund. */
  readonly ownershipId?: OwnershipId;
  /**
   * The paid experience booking refunded (reason "booking-cancellation"): its money is outside the
   * plan's ledger, so such intents are not listed by plan.
   */
  readonly booking?: { readonly experienceId: ExperienceId; readonly bookingId: BookingId };
  /**
   * The captured payment the refund goes back to (Stripe: the PaymentIntent id). Absent only for
   * an ownership paid before payments were recorded: such an intent fails and is reported.
   */
  readonly paymentIntentId?: string;
  /** What was paid minus what was refunded, from the ledger, when the release was committed. */
  readonly amountYen: Yen;
  readonly reason:
    | "cancellation"
    | "plan-cancellation"
    | "booking-cancellation"
    | "shortfall-refund";
  readonly state: RefundIntentState;
  /** The processor's refund id, once it answered. */
  readonly refundId?: string;
  /**
   * Definite refusals so far (a decline, or a refund.updated "failed"). Each retry after one goes
   * under a new idempotency key (see refundKeyOf): the processor would replay a refused key's
   * answer, while an unanswered call is retried under the same key and can never pay twice.
   */
  readonly declines: number;
  /** Why the last attempt failed (a decline's message). */
  readonly lastError?: string;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
  readonly version: number;
}

/** The intent's id (and idempotency key): one release refund per ownership, whoever asks. */
export const refundIntentIdOf = (ownershipId: OwnershipId): string => `${ownershipId}:refund`;

/**
 * The intent that tracks a shortfall refund the allocation batch paid and the processor answered
 * without confirming (pending: a konbini payment's refund waits for the owner's bank details; or
 * failed). Its id is the refund's ledger entry id, the key the batch refunded it under, so
 * refundKeyOf replays that call until a refusal and a retry after one goes under a new key. The
 * processor's answer is applied as any later word is (advanceRefundIntent): a failed one counts
 * as the first refusal. Deterministic: the batch re-run that records it again records the same.
 */
export const shortfallRefundIntent = (
  refund: {
    readonly entryId: LedgerEntryId;
    readonly planId: PlanId;
    readonly ownershipId: OwnershipId;
    readonly paymentIntentId: string;
    readonly amountYen: Yen;
  },
  answer: { readonly state: "pending" | "failed"; readonly refundId: string },
  now: Instant,
): RefundIntent => {
  const sent: RefundIntent = {
    id: refund.entryId,
    planId: refund.planId,
    ownershipId: refund.ownershipId,
    paymentIntentId: refund.paymentIntentId,
    amountYen: refund.amountYen,
    reason: "shortfall-refund",
    state: "pending",
    refundId: answer.refundId,
    declines: 0,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  return answer.state === "failed" ? (advanceRefundIntent(sent, answer, now) ?? sent) : sent;
};

const RANK: Readonly<Record<RefundIntentState, number>> = { pending: 0, failed: 1, succeeded: 2 };

/**
 * The intent after the processor's word (an answer to our call, or a refund.updated event).
 * Never backwards: a succeeded intent stays so, and a late "pending" of the same refund changes
 * no state; a word about a later attempt's refund (a retry after a refusal) replaces the refused
 * one's. Returns undefined when nothing changes, so callers write nothing.
 */
export const advanceRefundIntent = (
  intent: RefundIntent,
  word: {
    readonly state: RefundIntentState;
    readonly refundId?: string;
    readonly error?: string;
  },
  now: Instant,
): RefundIntent | undefined => {
  if (intent.state === "succeeded") return undefined;
  // A word about another refund than the one recorded is a later attempt's (an attempt follows
  // only a refusal, under a new key): it starts over from what the processor says of it.
  const laterAttempt =
    word.refundId !== undefined &&
    intent.refundId !== undefined &&
    word.refundId !== intent.refundId;
  const moves = laterAttempt || RANK[word.state] > RANK[intent.state] || word.state === "failed";
  const learnsId = word.refundId !== undefined && intent.refundId === undefined;
  if (!moves && !learnsId) return undefined;
  const state = moves ? word.state : intent.state;
  const { lastError: _dropped, ...rest } = intent;
  return {
    ...rest,
    state,
    ...(word.refundId === undefined && intent.refundId === undefined
      ? {}
      : { refundId: word.refundId ?? intent.refundId }),
    ...(state === "failed"
      ? { lastError: word.error ?? intent.lastError ?? "declined by the processor" }
      : {}),
    declines: intent.declines + (word.state === "failed" ? 1 : 0),
    updatedAt: now,
    version: intent.version + 1,
  };
};

/** The idempotency key of the next processor call for this intent. */
export const refundKeyOf = (intent: Pick<RefundIntent, "id" | "declines">): string =>
  intent.declines === 0 ? intent.id : `${intent.id}:retry-${intent.declines}`;

/** What the intent refunds, for reports: the ownership's id, or the booking's. */
export const refundSubjectOf = (intent: Pick<RefundIntent, "ownershipId" | "booking">): string =>
  intent.booking?.bookingId ?? intent.ownershipId ?? "";

/** Pending or failed: what reconciliation still has to finish. */
export const isRefundIntentOpen = (intent: Pick<RefundIntent, "state">): boolean =>
  intent.state !== "succeeded";
