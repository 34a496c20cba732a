import * as E from "fp-ts/lib/Either.js";
import { type DomainError, fail } from "../shared/errors.ts";
import { addMillis, type Instant } from "../shared/time.ts";
import type { Carrier } from "./carriers.ts";

/** How a parcel is known to have arrived. */
export type DeliveryConfirmation = "owner" | "auto";

/** Where one parcel (boxes leaving on one day for one ownership) is on its way to the door. */
export type ParcelProgress =
  | { readonly state: "scheduled" }
  | {
      readonly state: "shipped";
      readonly carrier: Carrier;
      readonly trackingNumber: string;
      readonly shippedAt: Instant;
    }
  | {
      readonly state: "delivered";
      readonly carrier: Carrier;
      readonly trackingNumber: string;
      readonly shippedAt: Instant;
      readonly deliveredAt: Instant;
      readonly confirmedBy: DeliveryConfirmation;
    };

export const SCHEDULED: ParcelProgress = { state: "scheduled" };

export interface ShipParcel {
  readonly carrier: Carrier;
  /** Already normalized (normalizeTrackingNumber). */
  readonly trackingNumber: string;
  readonly at: Instant;
}

/**
 * The producer hands the parcel to a carrier. Repeating it (a retried click, the carrier's CSV
 * uploaded twice) changes nothing; a different number before delivery corrects a typo and keeps
 * the first shipping time. Once delivered the number is history: PARCEL.ALREADY_DELIVERED.
 */
export const markParcelShipped = (
  progress: ParcelProgress,
  ship: ShipParcel,
): E.Either<DomainError<"PARCEL.ALREADY_DELIVERED">, ParcelProgress> => {
  const same =
    progress.state !== "scheduled" &&
    progress.carrier === ship.carrier &&
    progress.trackingNumber === ship.trackingNumber;
  if (same) return E.right(progress);
  switch (progress.state) {
    case "scheduled":
      return E.right({
        state: "shipped",
        carrier: ship.carrier,
        trackingNumber: ship.trackingNumber,
        shippedAt: ship.at,
      });
    case "shipped":
      return E.right({ ...progress, carrier: ship.carrier, trackingNumber: ship.trackingNumber });
    case "delivered":
      return fail("PARCEL.ALREADY_DELIVERED", "this parcel was delivered already", {
        trackingNumber: progress.trackingNumber,
      });
  }
};

/**
 * The parcel arrived: told by its owner, or assumed by the batch. A parcel never arrives before
 * it left (PARCEL.NOT_SHIPPED), nor before its shipping time (a clock behind is clamped). The
 * first confirmation stands: repeating it, or the batch coming after the owner, changes nothing.
 */
export const confirmParcelDelivered = (
  progress: ParcelProgress,
  at: Instant,
  by: DeliveryConfirmation,
): E.Either<DomainError<"PARCEL.NOT_SHIPPED">, ParcelProgress> => {
  switch (progress.state) {
    case "scheduled":
      return fail("PARCEL.NOT_SHIPPED", "a parcel can be delivered only after it is shipped");
    case "shipped":
      return E.right({
        ...progress,
        state: "delivered",
        deliveredAt: at < progress.shippedAt ? progress.shippedAt : at,
        confirmedBy: by,
      });
    case "delivered":
      return E.right(progress);
  }
};

const DAY_MS = 86_400_000;

/** A shipped parcel nobody confirmed counts as delivered this many days after shipment. */
export const isDeliveryAssumable = (
  progress: ParcelProgress,
  now: Instant,
  afterDays: number,
): boolean =>
  progress.state === "shipped" && addMillis(progress.shippedAt, afterDays * DAY_MS) <= now;

/** Where a plan's season stands at the door, from its parcels and whether its money is settled. */
export type SeasonAtTheDoor = "shipping" | "shipped" | "completed";

/**
 * `shipped` once every parcel has left, `completed` once every parcel is delivered and the
 * harvest's money is settled (allocation final, shortfall refunds and credit written). A plan
 * with no parcel yet is still shipping: nothing was scheduled, so nothing can be complete.
 */
export const seasonAtTheDoor = (
  parcels: readonly ParcelProgress[],
  moneySettled: boolean,
): SeasonAtTheDoor => {
  if (parcels.length === 0 || parcels.some((p) => p.state === "scheduled")) return "shipping";
  return moneySettled && parcels.every((p) => p.state === "delivered") ? "completed" : "shipped";
};
