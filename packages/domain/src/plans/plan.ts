import type { Yen } from "../money/money.ts";
import type { PlanId, ProducerId } from "../shared/ids.ts";
import type { Instant, LocalDate } from "../shared/time.ts";
import type { PlanLogistics } from "../shipping/logistics.ts";

/** draft -> open -> closed -> allocated -> shipped -> completed; cancelled from any state before shipped. */
export type PlanStatus =
  | "draft"
  | "open"
  | "closed"
  | "allocated"
  | "shipped"
  | "completed"
  | "cancelled";

/** How a short harvest is settled, stated to buyers before they buy. */
export type RiskTerms = "refund" | "credit" | "shared";

/**
 * A price tier the producer offers instead of the base price. The lowest applicable price
 * wins for each share.
 * - earlyBird: shares reserved before `until` cost `priceYen`.
 * - firstShares: the first `count` shares sold on the plan (by sale order) cost `priceYen`.
 */
export type PriceTier =
  | { readonly kind: "earlyBird"; readonly until: Instant; readonly priceYen: Yen }
  | { readonly kind: "firstShares"; readonly count: number; readonly priceYen: Yen };

export interface PriceTerms {
  /** Price of one share, tax-inclusive. */
  readonly basePriceYen: Yen;
  readonly tiers: readonly PriceTier[];
  /** Shipping surcharge per share, by shipping region; a region absent here cannot be shipped to. */
  readonly shippingSurchargeYen: Readonly<Record<string, Yen>>;
}

export interface SalesWindow {
  readonly opensAt: Instant;
  readonly closesAt: Instant;
  /** Returning owners (owners of the producer's earlier plans) may buy from this instant on. */
  readonly returningOwnersOpenAt?: Instant;
}

export interface DeliveryWindow {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

/** The fields a producer sets; frozen once the plan is open unless listed as editable. */
export interface PlanTerms {
  readonly title: string;
  readonly story: string;
  readonly category: string;
  /** Where the produce comes from (prefecture), used for browsing and transit times. */
  readonly region: string;
  /** The plan's own unit: pack, kg, piece... */
  readonly unitLabel: string;
  /** Units one share is entitled to from a full harvest. */
  readonly unitsPerShare: number;
  readonly totalShares: number;
  readonly maxSharesPerOwner: number;
  readonly salesWindow: SalesWindow;
  readonly deliveryWindow: DeliveryWindow;
  readonly pricing: PriceTerms;
  readonly riskTerms: RiskTerms;
  /** Owners may cancel (full refund) until this instant. */
  readonly cancellationDeadline: Instant;
  /** Boxes the producer can ship per day. */
  readonly shipCapacityPerDay: number;
  /** Extra units per plan the producer gives away when the harvest exceeds the entitlement. */
  readonly surplusBonusCapUnits: number;
  readonly photoKeys: readonly string[];
  /**
   * Minutes a reservation's shares are held while its payment is pending (konbini takes days).
   * Each hold's end is fixed when it is placed, so a change only affects later buyers.
   */
  readonly paymentHoldMinutes: number;
  /** Seats one owner may book on each of the plan's experiences (4 unless the producer says). */
  readonly experienceSeatsPerOwner: number;
}

export interface Plan extends PlanTerms {
  readonly id: PlanId;
  readonly producerId: ProducerId;
  readonly status: PlanStatus;
  /** Platform fee rate in basis points, fixed on the plan when it is created. */
  readonly platformFeeBps: number;
  readonly sharesSold: number;
  /** Shares held for open waitlist offers: not for sale to anyone else until they expire. */
  readonly sharesOffered: number;
  /**
   * When the harvest became final (the producer declared it complete, or the delivery window
   * ended): no lot is recorded after it, and the shortfall is settled from the allocation then.
   */
  readonly harvestCompletedAt?: Instant;
  /** When the final allocation's shortfall was settled in full (every refund paid). */
  readonly shortfallSettledAt?: Instant;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
  /**
   * Set (once) by the allocation batch before it reads the plan's ownerships: from then on an
   * owner can no longer cancel, so no refunded ownership is ever allocated.
   */
  readonly allocationStartedAt?: Instant;
  /** Optimistic locking: bumped on every write. */
  readonly version: number;
  /** How its boxes travel, set by its producer; absent: the defaults (see planLogistics). */
  readonly logistics?: PlanLogistics;
}

/** Entitled total of the plan in units: what a full harvest delivers to its owners. */
export const entitledUnits = (plan: Pick<Plan, "unitsPerShare">, shares: number): number =>
  plan.unitsPerShare * shares;
