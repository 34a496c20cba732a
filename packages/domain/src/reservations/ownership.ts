import type { Yen } from "../money/money.ts";
import type { OwnerId, OwnershipId, PlanId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";

/** One priced slice of a reservation: `shares` shares at `unitPriceYen` each. */
export interface PriceLine {
  readonly shares: number;
  readonly unitPriceYen: Yen;
  /** Which price applied: "base", "earlyBird" or "firstShares". */
  readonly reason: "base" | "earlyBird" | "firstShares";
}

/** A price locked at reservation; later price changes never touch it. */
export interface Quote {
  readonly shares: number;
  readonly lines: readonly PriceLine[];
  readonly sharesYen: Yen;
  readonly shippingRegion: string;
  readonly shippingYen: Yen;
  readonly totalYen: Yen;
  /** Platform fee on totalYen, rounded down; payoutYen = totalYen - feeYen. */
  readonly feeYen: Yen;
  readonly payoutYen: Yen;
}

export type OwnershipStatus = "active" | "cancelled";

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
