import type { AppError, PaymentEvent, RefundState } from "@owners/app";
import { appError } from "@owners/app";
import type { BookingId, ExperienceId, Instant, OwnershipId, PlanId, Yen } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import type Stripe from "stripe";

/** How old a signed webhook may be (Stripe's own default): older ones are replays. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** Stripe's verifier: `stripe.webhooks` of an instance, or the class's static one. */
export type StripeWebhooks = Pick<Stripe.Webhooks, "constructEvent">;

const idOf = (value: string | { readonly id: string } | null | undefined): string | undefined =>
  value === null || value === undefined ? undefined : typeof value === "string" ? value : value.id;

const at = (seconds: number): Instant => new Date(seconds * 1000).toISOString() as Instant;

/**
 * A session's metadata names our ownership and plan, or our booking and experience; one without
 * them is not ours.
 */
const sessionEvent = (
  event: Stripe.Event,
  session: Stripe.Checkout.Session,
  kind: "payment.pending" | "payment.succeeded" | "payment.failed" | "payment.expired",
): PaymentEvent => {
  const ownershipId = session.metadata?.ownershipId;
  const planId = session.metadata?.planId;
  const bookingId = session.metadata?.bookingId;
  const experienceId = session.metadata?.experienceId;
  const paymentIntentId = idOf(session.payment_intent);
  // A paid experience's seats: the same checkout events, named by the booking.
  if (bookingId !== undefined && experienceId !== undefined)
    return {
      eventId: event.id,
      createdAt: at(event.created),
      kind: "booking.payment",
      outcome: kind.slice("payment.".length) as "pending" | "succeeded" | "failed" | "expired",
      paymentId: session.id,
      bookingId: bookingId as BookingId,
      experienceId: experienceId as ExperienceId,
      amountYen: (session.amount_total ?? 0) as Yen,
      ...(paymentIntentId === undefined ? {} : { paymentIntentId }),
    };
  if (ownershipId === undefined || planId === undefined)
    return { eventId: event.id, createdAt: at(event.created), kind: "ignored", type: event.type };
  return {
    eventId: event.id,
    createdAt: at(event.created),
    kind,
    paymentId: session.id,
    ownershipId: ownershipId as OwnershipId,
    planId: planId as PlanId,
    amountYen: (session.amount_total ?? 0) as Yen,
    ...(paymentIntentId === undefined ? {} : { paymentIntentId }),
  };
};

/** Stripe's refund statuses, as the ledger tells them. */
const refundStateOf = (status: string | null): RefundState =>
  status === "succeeded"
    ? "succeeded"
    : status === "failed" || status === "canceled"
      ? "failed"
      : "pending";

/**
 * A refund event; one that is not for a PaymentIntent (a legacy charge) is not ours. Its metadata
 * (refundMetadata) names its own key and what it is for, when we wrote them.
 */
const refundEvent = (event: Stripe.Event, refund: Stripe.Refund): PaymentEvent => {
  const paymentIntentId = idOf(refund.payment_intent);
  if (paymentIntentId === undefined)
    return { eventId: event.id, createdAt: at(event.created), kind: "ignored", type: event.type };
  const { refundKey, planId, ownershipId } = refund.metadata ?? {};
  return {
    eventId: event.id,
    createdAt: at(event.created),
    kind: "refund.updated",
    refundId: refund.id,
    paymentIntentId,
    state: refundStateOf(refund.status),
    amountYen: refund.amount as Yen,
    ...(refundKey === undefined || refundKey === "" ? {} : { refundKey }),
    ...(planId === undefined || planId === "" ? {} : { planId: planId as PlanId }),
    ...(ownershipId === undefined || ownershipId === ""
      ? {}
      : { ownershipId: ownershipId as OwnershipId }),
  };
};

/**
 * One verified Stripe event as the port's PaymentEvent. Checkout: completed and paid (a card) is
 * a success; completed but unpaid (konbini: the voucher is issued, the money comes later) is
 * pending until async_payment_succeeded or _failed; expired ends it. Anything else is `ignored`.
 */
export const translateStripeEvent = (event: Stripe.Event): PaymentEvent => {
  switch (event.type) {
    case "checkout.session.completed": {
      const session = event.data.object;
      return sessionEvent(
        event,
        session,
        session.payment_status === "unpaid" ? "payment.pending" : "payment.succeeded",
      );
    }
    case "checkout.session.async_payment_succeeded":
      return sessionEvent(event, event.data.object, "payment.succeeded");
    case "checkout.session.async_payment_failed":
      return sessionEvent(event, event.data.object, "payment.failed");
    case "checkout.session.expired":
      return sessionEvent(event, event.data.object, "payment.expired");
    case "refund.updated":
    case "charge.refund.updated":
      return refundEvent(event, event.data.object);
    case "charge.dispute.created": {
      const dispute = event.data.object;
      const paymentIntentId = idOf(dispute.payment_intent);
      if (paymentIntentId === undefined) break;
      return {
        eventId: event.id,
        createdAt: at(event.created),
        kind: "dispute.opened",
        disputeId: dispute.id,
        paymentIntentId,
        amountYen: dispute.amount as Yen,
        reason: dispute.reason,
      };
    }
    case "account.updated": {
      const account = event.data.object;
      return {
        eventId: event.id,
        createdAt: at(event.created),
        kind: "account.updated",
        accountId: account.id,
        chargesEnabled: account.charges_enabled === true,
        payoutsEnabled: account.payouts_enabled === true,
      };
    }
    default:
      break;
  }
  return { eventId: event.id, createdAt: at(event.created), kind: "ignored", type: event.type };
};

/**
 * Checks the `Stripe-Signature` header over the raw body with Stripe's own library and translates
 * the event. Missing, wrong or stale (older than the tolerance) → PAYMENT.BAD_SIGNATURE; the
 * library's message says which, and carries no secret.
 */
export const verifyStripeEvent = (
  webhooks: StripeWebhooks,
  webhookSecret: string,
  rawBody: string,
  signature: string | undefined,
  toleranceSeconds: number = WEBHOOK_TOLERANCE_SECONDS,
): E.Either<AppError, PaymentEvent> => {
  if (signature === undefined || signature === "")
    return E.left(appError("PAYMENT.BAD_SIGNATURE", "the Stripe-Signature header is missing"));
  try {
    return E.right(
      translateStripeEvent(
        webhooks.constructEvent(rawBody, signature, webhookSecret, toleranceSeconds),
      ),
    );
  } catch (error) {
    return E.left(
      appError(
        "PAYMENT.BAD_SIGNATURE",
        error instanceof Error && error.message.length > 0
          ? `the webhook signature does not verify: ${error.message.split("\n")[0]}`
          : "the webhook signature does not verify",
      ),
    );
  }
};
