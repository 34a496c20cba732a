import * as E from "fp-ts/lib/Either.js";
import type { Yen } from "../money/money.ts";
import { type DomainError, fail } from "../shared/errors.ts";
import { addMillis, type Instant } from "../shared/time.ts";
import type { Ownership, OwnershipPayment, OwnershipStatus } from "./ownership.ts";

/** How long a plan holds unpaid shares when it names no hold of its own. */
export const DEFAULT_PAYMENT_HOLD_MINUTES = 30;
/** Konbini payments may take days; a hold longer than a week keeps shares from everyone else. */
export const MAX_PAYMENT_HOLD_MINUTES = 7 * 24 * 60;
/** Stripe Checkout refuses sessions that expire sooner than 30 minutes after creation. */
export const MIN_PAYMENT_HOLD_MINUTES = 30;

/** When a hold placed at `reservedAt` ends. */
export const holdExpiresAt = (reservedAt: Instant, holdMinutes: number): Instant =>
  addMillis(reservedAt, holdMinutes * 60_000);

/**
 * The one place the money of a reservation is split: what the processor charges (the quote's total
 * less store credit applied), the platform's fee on it (the quote's fee, pro rata to that cash
 * part) and the producer's payout (the rest). The checkout's application fee and the ledger's
 * entries at payment both come from here, so the processor and the ledger agree to the yen.
 */
export const paymentAmounts = (
  ownership: Pick<Ownership, "quote" | "creditAppliedYen">,
): { readonly amountYen: Yen; readonly feeYen: Yen; readonly payoutYen: Yen } => {
  const { totalYen } = ownership.quote;
  const amountYen = Math.max(0, totalYen - (ownership.creditAppliedYen ?? 0));
  // Credit was paid in cash on an earlier plan (the platform kept its fee then): the fee here is
  // the quote's, pro rata to the cash part, rounded down like every fee.
  const feeYen =
    amountYen === totalYen
      ? ownership.quote.feeYen
      : Math.floor((ownership.quote.feeYen * amountYen) / totalYen);
  return {
    amountYen: amountYen as Yen,
    feeYen: feeYen as Yen,
    payoutYen: (amountYen - feeYen) as Yen,
  };
};

/** What the processor said about an ownership's payment, translated from a webhook or a lookup. */
export interface PaymentNews {
  readonly paymentId: string;
  readonly outcome: "pending" | "succeeded" | "failed" | "expired";
  readonly paymentIntentId?: string;
  readonly amountYen: Yen;
}

/**
 * What to do with an ownership when its payment's news arrives:
 * - confirm: pending_payment -> active (write it with the charge entries, atomically);
 * - release: pending_payment -> payment_failed (its shares go back, as for a cancellation);
 * - refund-late: the money arrived for an ownership whose shares were already released (hold
 *   expired, or the owner cancelled first). The shares are gone, so the whole payment goes back:
 *   the processor refunds it in full (under a key of its own, so a retry refunds once), then
 *   `ownership`, which records the payment as succeeded, is written with the charge and its
 *   refund in the ledger. Once recorded, the same news is `none`.
 * - none: nothing changes (a duplicate, a late failure after success, news of another checkout).
 */
export type PaymentDecision =
  | { readonly kind: "confirm"; readonly ownership: Ownership }
  | { readonly kind: "release"; readonly ownership: Ownership }
  | {
      readonly kind: "refund-late";
      readonly ownership: Ownership;
      readonly paymentIntentId: string;
      readonly amountYen: Yen;
    }
  | { readonly kind: "none" };

const NONE: PaymentDecision = { kind: "none" };

/** The order statuses move in: an event never moves an ownership to a lower rank. */
export const ownershipStatusRank: Readonly<Record<OwnershipStatus, number>> = {
  pending_payment: 0,
  active: 1,
  payment_failed: 1,
  cancelled: 2,
};

const withoutCheckoutUrl = (payment: OwnershipPayment): OwnershipPayment => {
  const { checkoutUrl: _gone, ...rest } = payment;
  return rest;
};

export type PaymentNewsError = DomainError<"PAYMENT.MISMATCH">;

/**
 * Applies the processor's news to an ownership. Out-of-order and duplicate safe: only a
 * pending_payment ownership changes status, so a late "failed" after "succeeded" (or a repeated
 * event) is `none`, and a "succeeded" after the shares were released is a full refund, never a
 * resurrection (the released shares may already be someone else's).
 */
export const decidePaymentNews = (
  ownership: Ownership,
  news: PaymentNews,
): E.Either<PaymentNewsError, PaymentDecision> => {
  const payment = ownership.payment;
  // One checkout per ownership (keyed by its id): news of any other payment is not ours.
  if (payment === undefined || payment.id !== news.paymentId) return E.right(NONE);
  if (news.outcome === "pending") return E.right(NONE);
  if (news.outcome === "succeeded") {
    if (news.amountYen !== payment.amountYen)
      return fail("PAYMENT.MISMATCH", "the processor's amount differs from the ownership's", {
        ownershipId: ownership.id,
        expectedYen: payment.amountYen,
        paidYen: news.amountYen,
      });
    const paymentIntentId = news.paymentIntentId ?? payment.paymentIntentId;
    if (paymentIntentId === undefined)
      return fail("PAYMENT.MISMATCH", "a succeeded payment needs its PaymentIntent id", {
        ownershipId: ownership.id,
      });
    const paid: OwnershipPayment = {
      ...withoutCheckoutUrl(payment),
      status: "succeeded",
      paymentIntentId,
    };
    if (ownership.status === "pending_payment")
      return E.right({
        kind: "confirm",
        ownership: {
          ...ownership,
          status: "active",
          payment: paid,
          version: ownership.version + 1,
        },
      });
    // Active: already confirmed. Released with the payment recorded as succeeded: paid then
    // cancelled (refunded by the cancellation) or refunded late already.
    if (ownership.status === "active" || payment.status === "succeeded") return E.right(NONE);
    // Released before the money came: give it all back.
    return E.right({
      kind: "refund-late",
      paymentIntentId,
      amountYen: payment.amountYen,
      ownership: { ...ownership, payment: paid, version: ownership.version + 1 },
    });
  }
  if (ownership.status !== "pending_payment") return E.right(NONE);
  return E.right({
    kind: "release",
    ownership: {
      ...ownership,
      status: "payment_failed",
      payment: { ...withoutCheckoutUrl(payment), status: news.outcome },
      version: ownership.version + 1,
    },
  });
};

/** A hold whose time is up and whose payment never arrived: released as if the payment expired. */
export const isHoldOver = (ownership: Ownership, now: Instant): boolean => {
  const end = ownership.holdExpiresAt ?? ownership.payment?.expiresAt;
  return ownership.status === "pending_payment" && end !== undefined && end <= now;
};

/** A chargeback opened on the ownership's payment: flagged once (none when already flagged). */
export const decideDispute = (ownership: Ownership): Ownership | undefined =>
  ownership.disputed === true
    ? undefined
    : { ...ownership, disputed: true, version: ownership.version + 1 };
