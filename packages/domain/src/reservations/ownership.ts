import type { Yen } from "../money/money.ts";
import type { OwnerId, OwnershipId, PlanId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { Temperature } from "../shipping/delivery-options.ts";

/** One priced slice of a reservation: `shares` shares at `unitPriceYen` each. */
export interface PriceLine {
  readonly shares: number;
  readonly unitPriceYen: Yen;
  /** Which price applied: "base", "earlyBird" or "firstShares". */
  readonly reason: "base" | "earlyBird" | "firstShares";
}

/** A price locked at reservation; later price changes never touch it. */
/** The クール便 line of a quote: the plan's surcharge per box times the reservation's boxes. */
export interface TemperatureSurcharge {
  readonly temperature: Temperature;
  readonly boxes: number;
  readonly yenPerBox: Yen;
  readonly yen: Yen;
}

export interface Quote {
  readonly shares: number;
  readonly lines: readonly PriceLine[];
  readonly sharesYen: Yen;
  readonly shippingRegion: string;
  readonly shippingYen: Yen;
  /** Chilled/frozen plans only (absent when 0): charged, in totalYen, fee and payout. */
  readonly temperatureSurcharge?: TemperatureSurcharge;
  /** sharesYen + shippingYen + temperatureSurcharge.yen. */
  readonly totalYen: Yen;
  /** Platform fee on totalYen, rounded down; payoutYen = totalYen - feeYen. */
  readonly feeYen: Yen;
  readonly payoutYen: Yen;
}

/**
 * pending_payment holds its shares until the processor confirms (-> active) or the payment
 * fails or expires (-> payment_failed, shares released). Only active ownerships are allocated,
 * shipped and counted as owners. Statuses only move forward: pending_payment -> active ->
 * cancelled, or pending_payment -> payment_failed (or cancelled, when the owner gives up first).
 */
export type OwnershipStatus = "pending_payment" | "active" | "cancelled" | "payment_failed";

/** Where the ownership's payment stands; mirrors the processor's PaymentState. */
export type OwnershipPaymentStatus = "pending" | "succeeded" | "failed" | "expired";

/** The payment of an ownership at the processor (absent when credit paid it all, or free). */
export interface OwnershipPayment {
  /** The processor's payment id (Stripe: Checkout Session id). */
  readonly id: string;
  readonly status: OwnershipPaymentStatus;
  /** The hosted checkout page, while it can still be paid. */
  readonly checkoutUrl?: string;
  /** End of the hold: unpaid after it, the shares are released. */
  readonly expiresAt: Instant;
  /** What a refund goes back to (Stripe: PaymentIntent id), once paid. */
  readonly paymentIntentId?: string;
  /** Charged at the processor: the quote's total less creditAppliedYen. */
  readonly amountYen: Yen;
}

export interface Ownership {
  readonly id: OwnershipId;
  readonly planId: PlanId;
  readonly ownerId: OwnerId;
  readonly shares: number;
  readonly quote: Quote;
  /** Reservation order: ties in allocation are broken by reservedAt, then id. */
  readonly reservedAt: Instant;
  readonly idempotencyKey: string;
  readonly status: OwnershipStatus;
  /** Store credit spent on this ownership (reduces what the processor charges). */
  readonly creditAppliedYen?: Yen;
  readonly payment?: OwnershipPayment;
  /**
   * When an unpaid hold ends (set on every pending_payment reservation, before its checkout
   * exists; payment.expiresAt is the same instant once the checkout is open).
   */
  readonly holdExpiresAt?: Instant;
  /** Set when the payment is disputed at the processor (a chargeback). */
  readonly disputed?: boolean;
  readonly cancelledAt?: Instant;
  readonly version: number;
}

/** Reservation order used for every deterministic tie-break. */
export const byReservationOrder = (
  a: Pick<Ownership, "reservedAt" | "id">,
  b: Pick<Ownership, "reservedAt" | "id">,
): number =>
  a.reservedAt < b.reservedAt
    ? -1
    : a.reservedAt > b.reservedAt
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;
