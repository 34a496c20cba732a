import type { RefundIntent } from "../money/refund-intent.ts";
import type { PlanId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { BookingPayment, ExperienceBooking } from "./experience.ts";

/** What the processor says of a paid booking's checkout (a webhook, or a lookup at expiry). */
export interface BookingPaymentNews {
  readonly paymentId: string;
  readonly outcome: "pending" | "succeeded" | "failed" | "expired";
  readonly paymentIntentId?: string;
}

/**
 * What a booking's payment news asks for. confirm: the held seats become the owner's. release:
 * the hold ends unpaid and its seats go back. refund: money arrived for a booking already
 * cancelled (paid in the instant its hold ended, or after its owner cancelled it): it goes back.
 */
export type BookingPaymentStep =
  | { readonly kind: "confirm"; readonly booking: ExperienceBooking }
  | { readonly kind: "release"; readonly booking: ExperienceBooking }
  | { readonly kind: "refund"; readonly booking: ExperienceBooking }
  | { readonly kind: "unchanged" };

const UNCHANGED: BookingPaymentStep = { kind: "unchanged" };

/**
 * A booking after news of its checkout, only ever forward: a pending hold is confirmed when paid
 * and released when the checkout fails or expires; news of another checkout, a repeat, or a late
 * failure of a paid booking change nothing. "pending" (a konbini voucher issued) keeps the hold.
 */
export const settleBookingPayment = (
  booking: ExperienceBooking,
  news: BookingPaymentNews,
  now: Instant,
): BookingPaymentStep => {
  const payment = booking.payment;
  if (payment === undefined || payment.id !== news.paymentId) return UNCHANGED;
  const paid =
    news.paymentIntentId === undefined
      ? { ...payment, status: "succeeded" as const }
      : { ...payment, status: "succeeded" as const, paymentIntentId: news.paymentIntentId };
  if (news.outcome === "succeeded") {
    if (booking.status === "pending_payment")
      return {
        kind: "confirm",
        booking: { ...booking, status: "active", payment: paid, version: booking.version + 1 },
      };
    if (
      booking.status === "cancelled" &&
      payment.refundId === undefined &&
      payment.refundIntentId === undefined
    )
      return {
        kind: "refund",
        booking: { ...booking, payment: paid, version: booking.version + 1 },
      };
    return UNCHANGED;
  }
  if (
    (news.outcome === "failed" || news.outcome === "expired") &&
    booking.status === "pending_payment"
  )
    return {
      kind: "release",
      booking: { ...booking, status: "cancelled", cancelledAt: now, version: booking.version + 1 },
    };
  return UNCHANGED;
};

/** The processor key of a booking's refund: one refund per booking, however often retried. */
export const bookingRefundKey = (booking: Pick<ExperienceBooking, "id">): string =>
  `refund:${booking.id}`;

/**
 * The booking flagged with a dispute of its payment (version + 1), or undefined when it has no
 * payment or is flagged already: the first dispute is recorded once, a repeat changes nothing.
 */
export const decideBookingDispute = (
  booking: ExperienceBooking,
  disputeId: string,
): ExperienceBooking | undefined =>
  booking.payment === undefined || booking.payment.disputeId !== undefined
    ? undefined
    : { ...booking, payment: { ...booking.payment, disputeId }, version: booking.version + 1 };

/**
 * Whether the booking's money went back, or is committed to (a refund intent written with its
 * cancellation, which reconciliation finishes): what the owner is told.
 */
export const bookingRefunded = (payment: BookingPayment): boolean =>
  payment.refundId !== undefined || payment.refundIntentId !== undefined;

/** Whether cancelling the booking must send money back: it was paid and not refunded yet. */
export const owesRefund = (booking: ExperienceBooking): boolean =>
  booking.payment?.status === "succeeded" &&
  booking.payment.paymentIntentId !== undefined &&
  booking.payment.refundId === undefined &&
  booking.payment.refundIntentId === undefined &&
  (booking.amountYen ?? 0) > 0;

/**
 * The refund a paid booking's cancellation owes, as an intent committed in the cancellation's own
 * write (then paid, and retried by reconciliation if refused), and the booking marked with it.
 * Its id is the booking's refund key, so one booking has one intent however often it is retried.
 * None when nothing is owed (unpaid, free, or already refunded or committed).
 */
export const commitBookingRefund = (
  booking: ExperienceBooking,
  planId: PlanId,
  now: Instant,
): { readonly booking: ExperienceBooking; readonly refundIntent?: RefundIntent } => {
  const payment = booking.payment;
  const amountYen = booking.amountYen;
  if (!owesRefund(booking) || payment?.paymentIntentId === undefined || amountYen === undefined)
    return { booking };
  const refundIntent: RefundIntent = {
    id: bookingRefundKey(booking),
    planId,
    booking: { experienceId: booking.experienceId, bookingId: booking.id },
    paymentIntentId: payment.paymentIntentId,
    amountYen,
    reason: "booking-cancellation",
    state: "pending",
    declines: 0,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  return {
    booking: { ...booking, payment: { ...payment, refundIntentId: refundIntent.id } },
    refundIntent,
  };
};
