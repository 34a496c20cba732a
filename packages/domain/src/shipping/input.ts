import * as E from "fp-ts/lib/Either.js";
import type { HarvestLot } from "../harvest/harvest.ts";
import type { DeliveryWindow } from "../plans/plan.ts";
import { type DomainError, fail } from "../shared/errors.ts";
import type { OwnershipId } from "../shared/ids.ts";
import { daysBetween, type LocalDate, parseLocalDate } from "../shared/time.ts";
import type { TransitDaysTable } from "./transit.ts";

/** Boxes per ship day, keyed by LocalDate (`YYYY-MM-DD`); a missing day means 0. */
export type BoxesByDay = Readonly<Record<string, number>>;

/** One owner's allocated units from a lot, to be boxed and shipped. */
export interface ShippingAllocation<Address> {
  readonly ownershipId: OwnershipId;
  readonly units: number;
  /** Key into the transit table (and the plan's shipping surcharges). */
  readonly shippingRegion: string;
  /** The owner's address as snapshotted for this shipment; passed through untouched. */
  readonly address: Address;
}

export interface ShippingScheduleInput<Address> {
  readonly lot: Pick<HarvestLot, "id" | "readyOn" | "bestBefore">;
  /** The plan's delivery window: ship days never leave it. */
  readonly deliveryWindow: DeliveryWindow;
  /** Boxes the producer can ship per day (the plan's shipCapacityPerDay). */
  readonly capacityBoxesPerDay: number;
  /** Units that fit in one box. */
  readonly unitsPerBox: number;
  readonly transitDays: TransitDaysTable;
  /** Boxes already booked on each day by earlier lots (of this producer). */
  readonly capacityAlreadyUsed: BoxesByDay;
  /** In reservation order: earlier reservations win when capacity runs short. */
  readonly allocations: readonly ShippingAllocation<Address>[];
}

/** A delivery window is a season, not years: a longer one is a data error, and would cost memory. */
export const MAX_DELIVERY_WINDOW_DAYS = 366;

type Invalid = DomainError<"SHIPPING.INVALID">;

const invalid = (message: string, field: string): E.Either<Invalid, never> =>
  fail("SHIPPING.INVALID", message, { field });

const isDate = (value: unknown): value is LocalDate =>
  typeof value === "string" && parseLocalDate(value) === value;
const isPositiveInt = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) > 0;
const isNonNegativeInt = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) >= 0;

/** Rejects input that no schedule could be built from: the caller's data is wrong, not the harvest. */
export const validateShippingInput = <Address>(
  input: ShippingScheduleInput<Address>,
): E.Either<Invalid, ShippingScheduleInput<Address>> => {
  const { lot, deliveryWindow: window } = input;
  if (!isDate(lot.readyOn)) return invalid("lot readyOn must be a YYYY-MM-DD date", "lot.readyOn");
  if (!isDate(lot.bestBefore))
    return invalid("lot bestBefore must be a YYYY-MM-DD date", "lot.bestBefore");
  if (lot.bestBefore < lot.readyOn)
    return invalid("lot bestBefore is before its readyOn", "lot.bestBefore");
  if (!isDate(window.from) || !isDate(window.to))
    return invalid("delivery window days must be YYYY-MM-DD dates", "deliveryWindow");
  if (window.to < window.from)
    return invalid("delivery window ends before it starts", "deliveryWindow");
  if (daysBetween(window.from, window.to) + 1 > MAX_DELIVERY_WINDOW_DAYS)
    return invalid(
      `delivery window longer than ${MAX_DELIVERY_WINDOW_DAYS} days`,
      "deliveryWindow",
    );
  if (!isPositiveInt(input.capacityBoxesPerDay))
    return invalid("capacity must be a positive whole number of boxes", "capacityBoxesPerDay");
  if (!isPositiveInt(input.unitsPerBox))
    return invalid("units per box must be a positive whole number", "unitsPerBox");
  for (const [region, days] of Object.entries(input.transitDays)) {
    if (!isNonNegativeInt(days))
      return invalid(`transit days to ${region} must be a whole number >= 0`, "transitDays");
  }
  for (const [day, boxes] of Object.entries(input.capacityAlreadyUsed)) {
    if (!isDate(day))
      return invalid(`used capacity day ${day} is not a date`, "capacityAlreadyUsed");
    if (!isNonNegativeInt(boxes))
      return invalid(`used capacity on ${day} must be a whole number >= 0`, "capacityAlreadyUsed");
  }
  const seen = new Set<string>();
  for (const allocation of input.allocations) {
    if (typeof allocation.ownershipId !== "string" || allocation.ownershipId === "")
      return invalid("allocation without an ownership id", "allocations.ownershipId");
    if (seen.has(allocation.ownershipId))
      return invalid(
        `ownership ${allocation.ownershipId} appears twice; merge its units first`,
        "allocations.ownershipId",
      );
    seen.add(allocation.ownershipId);
    if (!isNonNegativeInt(allocation.units))
      return invalid("allocated units must be a whole number >= 0", "allocations.units");
    if (typeof allocation.shippingRegion !== "string")
      return invalid("shipping region must be a string", "allocations.shippingRegion");
  }
  return E.right(input);
};
