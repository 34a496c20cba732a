import type {
  BookingId,
  ExperienceId,
  Instant,
  OwnerId,
  OwnershipId,
  PlanId,
  Yen,
} from "@owners/domain";
import type * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/** Where one owner payment stands at the processor. Only pending moves, and only forward. */
export type PaymentState = "pending" | "succeeded" | "failed" | "expired";

/**
 * What a payment is for: shares of a plan (an ownership), or seats of a paid experience (a
 * booking). The processor keeps it in the payment's metadata and hands it back in its events.
 * Only share payments name a plan: the plan's reconciliation sums those alone.
 */
export type PaymentSubject =
  | {
      readonly ownershipId: OwnershipId;
      readonly planId: PlanId;
      readonly bookingId?: undefined;
      readonly experienceId?: undefined;
    }
  | {
      readonly bookingId: BookingId;
      readonly experienceId: ExperienceId;
      readonly ownershipId?: undefined;
      readonly planId?: undefined;
    };

export type CheckoutRequest = PaymentSubject & {
  /** The processor call's idempotency key: one checkout per ownership, however often retried. */
  readonly idempotencyKey: string;
  readonly ownerId: OwnerId;
  /** What the owner pays here (the quote's total less any store credit applied); > 0. */
  readonly amountYen: Yen;
  /** The platform's part of this charge (Stripe: application_fee_amount). */
  readonly applicationFeeYen: Yen;
  /** The producer's payout account the charge is destined to (Stripe Connect); absent locally. */
  readonly destinationAccountId?: string;
  /** One line the owner sees on the checkout page and statement. */
  readonly description: string;
  /** When the hold on the shares ends: the checkout cannot be paid after it. */
  readonly expiresAt: Instant;
  /** Where the processor sends the owner back (the site's "my harvest"); success or not. */
  readonly returnUrl: string;
};

/** A checkout for shares (the reservation path). */
export type ShareCheckoutRequest = Extract<CheckoutRequest, { readonly ownershipId: OwnershipId }>;

/** A checkout for a paid experience's seats. */
export type BookingCheckoutRequest = Extract<CheckoutRequest, { readonly bookingId: BookingId }>;

/** The metadata a payment carries at the processor, naming what it is for. */
export const paymentSubjectMetadata = (subject: PaymentSubject): Record<string, string> =>
  subject.bookingId === undefined
    ? { ownershipId: subject.ownershipId, planId: subject.planId }
    : { bookingId: subject.bookingId, experienceId: subject.experienceId };

/**
 * The metadata a refund carries at the processor: what it is for, and its own idempotency key
 * (refundKey), which the processor's later word about it (refund.updated) hands back.
 */
export const refundMetadata = (request: RefundRequest): Record<string, string> => ({
  ...paymentSubjectMetadata(request),
  refundKey: request.idempotencyKey,
});

export interface CheckoutSession {
  /** The processor's payment id (Stripe: the Checkout Session id, `cs_…`). */
  readonly paymentId: string;
  /** The hosted page the owner pays on. */
  readonly checkoutUrl: string;
  readonly expiresAt: Instant;
}

export interface PaymentLookup {
  readonly paymentId: string;
  readonly state: PaymentState;
  /** The captured payment a refund goes back to (Stripe: the PaymentIntent id), once paid. */
  readonly paymentIntentId?: string;
  readonly amountYen: Yen;
}

export type RefundRequest = PaymentSubject & {
  /** One refund per key: a repeat returns the first refund and moves no money. */
  readonly idempotencyKey: string;
  readonly paymentIntentId: string;
  readonly amountYen: Yen;
};

export type RefundState = "pending" | "succeeded" | "failed";

export interface RefundReceipt {
  readonly refundId: string;
  readonly state: RefundState;
  readonly amountYen: Yen;
}

/** What the processor's own records say one plan's money is (reconciliation compares the ledger). */
export interface ProcessorPlanTotals {
  readonly chargedYen: Yen;
  readonly refundedYen: Yen;
  /** Platform fees kept (application fees less fee refunds). */
  readonly feesYen: Yen;
  /** What went to the producer's account (transfers less reversals). */
  readonly payoutYen: Yen;
}

/** A processor notification, verified and translated; `eventId` is the dedupe key. */
export type PaymentEvent = { readonly eventId: string; readonly createdAt: Instant } & (
  | {
      readonly kind: "payment.pending" | "payment.succeeded" | "payment.failed" | "payment.expired";
      readonly paymentId: string;
      readonly ownershipId: OwnershipId;
      readonly planId: PlanId;
      readonly paymentIntentId?: string;
      readonly amountYen: Yen;
    }
  | {
      readonly kind: "refund.updated";
      readonly refundId: string;
      readonly paymentIntentId: string;
      readonly state: RefundState;
      readonly amountYen: Yen;
      /**
       * The refund's own idempotency key, as its metadata carries it (refundMetadata): a shortfall
       * refund's is its ledger entry id. Absent on refunds made before it was recorded.
       */
      readonly refundKey?: string;
      /** The plan and ownership the refund's metadata names (absent for a booking's refund). */
      readonly planId?: PlanId;
      readonly ownershipId?: OwnershipId;
    }
  | {
      readonly kind: "dispute.opened";
      readonly disputeId: string;
      readonly paymentIntentId: string;
      readonly amountYen: Yen;
      readonly reason: string;
    }
  | {
      readonly kind: "account.updated";
      readonly accountId: string;
      readonly chargesEnabled: boolean;
      readonly payoutsEnabled: boolean;
    }
  /** A paid experience booking's checkout moved (the same Stripe events, booking metadata). */
  | {
      readonly kind: "booking.payment";
      readonly outcome: "pending" | "succeeded" | "failed" | "expired";
      readonly paymentId: string;
      readonly bookingId: BookingId;
      readonly experienceId: ExperienceId;
      readonly paymentIntentId?: string;
      readonly amountYen: Yen;
    }
  /** Any other event type: answered 200, changes nothing. */
  | { readonly kind: "ignored"; readonly type: string }
);

/**
 * The card/konbini processor owners pay through (Stripe in AWS, a local twin otherwise). Every
 * call that moves money carries an idempotency key. PAYMENT.UNAVAILABLE when it cannot be reached.
 */
export interface PaymentGateway {
  /** Opens a hosted checkout for one ownership; a repeat under the same key returns the same one. */
  startCheckout(request: CheckoutRequest): TE.TaskEither<AppError, CheckoutSession>;
  /** Where a payment stands now (reconciliation asks this of holds past their time). */
  lookupPayment(paymentId: string): TE.TaskEither<AppError, PaymentLookup>;
  /** Ends an unpaid checkout so it can no longer be paid; a finished one is returned as it is. */
  expireCheckout(paymentId: string): TE.TaskEither<AppError, PaymentLookup>;
  /**
   * Refunds part or all of a captured payment by its PaymentIntent id (never by charging again),
   * reversing the producer's transfer and the platform fee pro rata. PAYMENT.DECLINED when the
   * processor refuses (more than is left, say).
   */
  refundPayment(request: RefundRequest): TE.TaskEither<AppError, RefundReceipt>;
  /** The processor's totals for one plan's payments. */
  planTotals(planId: PlanId): TE.TaskEither<AppError, ProcessorPlanTotals>;
  /**
   * Checks a webhook's signature over the raw body and translates it; PAYMENT.BAD_SIGNATURE when
   * the signature is missing, wrong or stale.
   */
  verifyEvent(rawBody: string, signature: string | undefined): E.Either<AppError, PaymentEvent>;
}
