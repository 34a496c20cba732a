import * as E from "fp-ts/lib/Either.js";
import type { DomainError } from "../shared/errors.ts";
import type { LotId, OwnershipId } from "../shared/ids.ts";
import { addDays, daysBetween, type LocalDate } from "../shared/time.ts";
import { type BoxesByDay, type ShippingScheduleInput, validateShippingInput } from "./input.ts";
import { type BoxJob, packBoxesIntoDays } from "./slots.ts";
import { transitDaysTo } from "./transit.ts";

/**
 * Turning one lot's allocations into boxes and ship days.
 *
 * Decisions:
 * - Ship days are [max(lot.readyOn, window.from), window.to].
 * - Arriving ON the best-before day counts as in time (arriveBy <= bestBefore): the date
 *   guarantees quality through that day. Transit is counted in calendar days.
 * - An allocation of u units is ceil(u / unitsPerBox) boxes; all are full but the last.
 * - As many boxes ship as any schedule could ship (see slots.ts); when capacity
 *   is short, earlier reservations keep their boxes. An owner that gets only some boxes
 *   receives full boxes and the rest of its units are reported.
 * - An owner's boxes ship on one day whenever some allowed day has room for them all (this
 *   never costs anyone else a box); otherwise they are split over the roomiest allowed
 *   days, one shipment per day. Ship days are not necessarily the earliest possible.
 * - Nothing is dropped silently: every allocated unit is in `shipments` or `infeasible`.
 *   Unknown regions are reported per allocation rather than failing the whole lot.
 */

export type InfeasibleReason =
  /** The shipping region is not in the transit table. */
  | "unknown-region"
  /** The lot is ready only after the delivery window has closed. */
  | "no-ship-day-in-window"
  /** Every ship day in the window would arrive after best-before. */
  | "no-day-before-best-before"
  /** Ship days existed but other boxes (earlier reservations, earlier lots) took them. */
  | "capacity";

export interface Shipment<Address> {
  readonly ownershipId: OwnershipId;
  readonly lotId: LotId;
  readonly shipOn: LocalDate;
  /** Expected arrival: shipOn + transit days; never after the lot's best-before. */
  readonly arriveBy: LocalDate;
  readonly boxes: number;
  readonly units: number;
  readonly region: string;
  readonly address: Address;
}

export interface UnshippedUnits {
  readonly ownershipId: OwnershipId;
  readonly units: number;
  readonly region: string;
  readonly reason: InfeasibleReason;
}

export interface ShippingSchedule<Address> {
  /** By ship day, then reservation order. */
  readonly shipments: readonly Shipment<Address>[];
  /** Boxes per day: the capacity used before plus this lot's boxes, days in order. */
  readonly capacityUsed: BoxesByDay;
  /** In reservation order. */
  readonly infeasible: readonly UnshippedUnits[];
}

const maxDate = (a: LocalDate, b: LocalDate): LocalDate => (a >= b ? a : b);

export const scheduleShipments = <Address>(
  input: ShippingScheduleInput<Address>,
): E.Either<DomainError<"SHIPPING.INVALID">, ShippingSchedule<Address>> =>
  E.map((valid: ShippingScheduleInput<Address>) => buildSchedule(valid))(
    validateShippingInput(input),
  );

const buildSchedule = <Address>(
  input: ShippingScheduleInput<Address>,
): ShippingSchedule<Address> => {
  const { lot, unitsPerBox, capacityAlreadyUsed: used } = input;
  const firstDay = maxDate(lot.readyOn, input.deliveryWindow.from);
  const dayCount = Math.max(0, daysBetween(firstDay, input.deliveryWindow.to) + 1);
  const dayAt = (index: number) => addDays(firstDay, index);
  const freeSlots = Array.from({ length: dayCount }, (_, index) =>
    Math.max(0, input.capacityBoxesPerDay - (used[dayAt(index)] ?? 0)),
  );

  const shipWindow = (
    region: string,
  ):
    | { readonly reason: InfeasibleReason }
    | { readonly transit: number; readonly lastDay: number } => {
    const transit = transitDaysTo(input.transitDays, region);
    if (transit === undefined) return { reason: "unknown-region" };
    if (dayCount === 0) return { reason: "no-ship-day-in-window" };
    const lastDay = Math.min(dayCount - 1, daysBetween(firstDay, lot.bestBefore) - transit);
    return lastDay < 0 ? { reason: "no-day-before-best-before" } : { transit, lastDay };
  };

  const infeasible: { order: number; entry: UnshippedUnits }[] = [];
  const candidates: { order: number; transit: number; job: BoxJob }[] = [];
  input.allocations.forEach((allocation, order) => {
    if (allocation.units === 0) return;
    const window = shipWindow(allocation.shippingRegion);
    if ("reason" in window) {
      const { ownershipId, units, shippingRegion: region } = allocation;
      infeasible.push({ order, entry: { ownershipId, units, region, reason: window.reason } });
      return;
    }
    const boxes = Math.ceil(allocation.units / unitsPerBox);
    candidates.push({ order, transit: window.transit, job: { boxes, lastDay: window.lastDay } });
  });

  const pieces = packBoxesIntoDays(
    freeSlots,
    candidates.map((candidate) => candidate.job),
  );

  const shipments: { order: number; day: number; shipment: Shipment<Address> }[] = [];
  const boxesAdded = new Map<LocalDate, number>();
  candidates.forEach(({ order, transit, job }, index) => {
    const allocation = input.allocations[order];
    const ownPieces = pieces[index];
    if (allocation === undefined || ownPieces === undefined) return;
    const shippedBoxes = ownPieces.reduce((sum, piece) => sum + piece.boxes, 0);
    // All boxes are full but the very last one, which only ships with the whole allocation.
    const shippedUnits = shippedBoxes === job.boxes ? allocation.units : shippedBoxes * unitsPerBox;
    let unitsLeft = shippedUnits;
    ownPieces.forEach((piece, pieceIndex) => {
      const units = pieceIndex === ownPieces.length - 1 ? unitsLeft : piece.boxes * unitsPerBox;
      unitsLeft -= units;
      const shipOn = dayAt(piece.day);
      boxesAdded.set(shipOn, (boxesAdded.get(shipOn) ?? 0) + piece.boxes);
      shipments.push({
        order,
        day: piece.day,
        shipment: {
          ownershipId: allocation.ownershipId,
          lotId: lot.id,
          shipOn,
          arriveBy: addDays(shipOn, transit),
          boxes: piece.boxes,
          units,
          region: allocation.shippingRegion,
          address: allocation.address,
        },
      });
    });
    if (shippedUnits < allocation.units)
      infeasible.push({
        order,
        entry: {
          ownershipId: allocation.ownershipId,
          units: allocation.units - shippedUnits,
          region: allocation.shippingRegion,
          reason: "capacity",
        },
      });
  });

  return {
    shipments: shipments
      .sort((a, b) => a.day - b.day || a.order - b.order)
      .map(({ shipment }) => shipment),
    capacityUsed: mergeBoxesByDay(used, boxesAdded),
    infeasible: infeasible.sort((a, b) => a.order - b.order).map(({ entry }) => entry),
  };
};

const mergeBoxesByDay = (used: BoxesByDay, added: ReadonlyMap<LocalDate, number>): BoxesByDay => {
  const total = new Map<string, number>(Object.entries(used));
  for (const [day, boxes] of added) total.set(day, (total.get(day) ?? 0) + boxes);
  // Days in order, so equal schedules serialise identically whatever the input's key order.
  return Object.fromEntries([...total].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
};
