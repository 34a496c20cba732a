import {
  type BoxesByDay,
  byReservationOrder,
  type HarvestLot,
  type Instant,
  labelSlot,
  lastShipDay,
  type OutboxMessage,
  type Ownership,
  type Plan,
  type ShippingAllocation,
  schedulePlanShipments,
  shipmentId,
  shipmentScheduledMessage,
  shippingAddressNeededMessage,
  shippingInfeasibleMessage,
  type TransitDaysTable,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import type { AppError } from "../errors.ts";
import type { LotAllocation } from "../ports/allocation-repository.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { OwnerProfile, ShippingAddress } from "../ports/owner-profile-repository.ts";
import type { LotShipment, Parcel } from "../ports/shipment-repository.ts";
import { deliveryDestination } from "./delivery-destination.ts";
import { sumBoxesByDay } from "./sum-boxes-by-day.ts";

export interface LotScheduleInput {
  readonly plan: Plan;
  readonly lot: HarvestLot;
  /** The lot's allocations (any order). */
  readonly allocations: readonly LotAllocation[];
  /** The plan's ownerships, for reservation order (earlier reservations keep capacity first). */
  readonly ownerships: ReadonlyMap<string, Ownership>;
  readonly profiles: ReadonlyMap<string, OwnerProfile>;
  /** Boxes per day the producer's other lots booked. */
  readonly capacityUsed: BoxesByDay;
  readonly unitsPerBox: number;
  /** Used only for a plan that never set its own logistics (which carry a transit table). */
  readonly transitDays: TransitDaysTable;
  readonly at: Instant;
  readonly ids: IdGenerator;
}

export interface LotSchedule {
  /** One per allocation with units, in reservation order. */
  readonly shipments: readonly LotShipment[];
  /** This lot's boxes per day (what it books of the producer's capacity). */
  readonly lotCapacity: BoxesByDay;
  readonly messages: readonly OutboxMessage[];
}

const inReservationOrder = (
  allocations: readonly LotAllocation[],
  ownerships: ReadonlyMap<string, Ownership>,
) =>
  [...allocations].sort((a, b) => {
    const oa = ownerships.get(a.ownershipId);
    const ob = ownerships.get(b.ownershipId);
    if (oa !== undefined && ob !== undefined) return byReservationOrder(oa, ob);
    if (oa !== undefined) return -1;
    if (ob !== undefined) return 1;
    return a.ownershipId < b.ownershipId ? -1 : 1;
  });

/**
 * Turns one lot's allocations into shipments with the domain's scheduler under the plan's own
 * logistics (capacity, transit, temperature), each ownership's destination snapshotted on its
 * shipment: the address its owner chose for it (default, saved or gift) and the slot where the
 * plan allows one. Owners without an address are reported as "no-address", take no capacity
 * and are asked for one (the shipping batch schedules their units once they add it). Pure: the same input gives the same shipments, ids included.
 */
export const lotSchedule = (input: LotScheduleInput): E.Either<AppError, LotSchedule> => {
  const { plan, lot } = input;
  const ordered = inReservationOrder(
    input.allocations.filter((a) => a.units > 0),
    input.ownerships,
  );
  const schedulable: ShippingAllocation<ShippingAddress>[] = [];
  for (const allocation of ordered) {
    const profile = deliveryDestination(
      input.profiles.get(allocation.ownerId),
      allocation.ownershipId,
    );
    if (profile !== undefined)
      schedulable.push({
        ownershipId: allocation.ownershipId,
        units: allocation.units,
        shippingRegion: profile.region,
        address: profile.address,
      });
  }
  const schedule = schedulePlanShipments(
    plan,
    {
      lot,
      unitsPerBox: input.unitsPerBox,
      capacityAlreadyUsed: input.capacityUsed,
      allocations: schedulable,
    },
    input.transitDays,
  );
  if (E.isLeft(schedule)) return schedule;
  const { temperature } = schedule.right;

  const parcels = new Map<string, Parcel[]>();
  for (const s of schedule.right.shipments) {
    const list = parcels.get(s.ownershipId) ?? [];
    list.push({ shipOn: s.shipOn, arriveBy: s.arriveBy, boxes: s.boxes, units: s.units });
    parcels.set(s.ownershipId, list);
  }
  const unshipped = new Map(schedule.right.infeasible.map((u) => [u.ownershipId as string, u]));

  const shipments = ordered.map((allocation): LotShipment => {
    const profile = deliveryDestination(
      input.profiles.get(allocation.ownerId),
      allocation.ownershipId,
    );
    const slot = labelSlot(schedule.right, profile?.slot);
    const own = (parcels.get(allocation.ownershipId) ?? []).sort((a, b) =>
      a.shipOn < b.shipOn ? -1 : 1,
    );
    const missing = unshipped.get(allocation.ownershipId);
    return {
      id: shipmentId(input.ids.deterministic("shp", plan.id, lot.id, allocation.ownershipId)),
      planId: plan.id,
      producerId: plan.producerId,
      lotId: lot.id,
      ownershipId: allocation.ownershipId,
      ownerId: allocation.ownerId,
      region: profile?.region ?? "",
      ...(profile === undefined ? {} : { address: profile.address }),
      units: allocation.units,
      parcels: own,
      ...(profile === undefined
        ? { unshipped: { units: allocation.units, reason: "no-address" as const } }
        : missing === undefined
          ? {}
          : { unshipped: { units: missing.units, reason: missing.reason } }),
      scheduledAt: input.at,
      temperature,
      ...(slot === undefined ? {} : { slot }),
      ...(profile?.giftMessage === undefined || profile.giftMessage === ""
        ? {}
        : { giftMessage: profile.giftMessage }),
    };
  });

  const lotCapacity = sumBoxesByDay(
    shipments.flatMap((s) => s.parcels.map((p) => ({ [p.shipOn]: p.boxes }))),
  );
  const messages = shipments
    .filter((s) => s.parcels.length > 0)
    .map((s) =>
      shipmentScheduledMessage({
        id: input.ids.deterministic("msg", "shipment-scheduled", s.id),
        recipientId: s.ownerId,
        at: input.at,
        plan: { id: plan.id, title: plan.title },
        shipmentId: s.id,
        shipOn: (s.parcels[0] as Parcel).shipOn,
        arriveBy: (s.parcels.at(-1) as Parcel).arriveBy,
        boxes: s.parcels.reduce((sum, p) => sum + p.boxes, 0),
      }),
    );
  // An owner without an address hears it (once per plan): adding one gets its units scheduled.
  const unitsWithoutAddress = new Map<string, number>();
  for (const s of shipments)
    if (s.unshipped?.reason === "no-address")
      unitsWithoutAddress.set(
        s.ownerId,
        (unitsWithoutAddress.get(s.ownerId) ?? 0) + s.unshipped.units,
      );
  const addressNeeded = [...unitsWithoutAddress].map(([owner, units]) =>
    shippingAddressNeededMessage({
      id: input.ids.deterministic("msg", "shipping-address-needed", plan.id, owner),
      recipientId: owner as LotShipment["ownerId"],
      at: input.at,
      plan: { id: plan.id, title: plan.title, lastShipDay: lastShipDay(lot, plan.deliveryWindow) },
      units,
      unitLabel: plan.unitLabel,
    }),
  );
  const cannotShip = shipments.filter((s) => s.unshipped !== undefined);
  // The producer hears once per lot when any owner's units cannot ship: it can add capacity.
  const producerFlag =
    cannotShip.length === 0
      ? []
      : [
          shippingInfeasibleMessage({
            id: input.ids.deterministic("msg", "shipping-infeasible", lot.id),
            recipientId: plan.producerId,
            at: input.at,
            plan: { id: plan.id, title: plan.title },
            lotId: lot.id,
            unshippableShipments: cannotShip.length,
            reason: [...new Set(cannotShip.map((s) => s.unshipped?.reason))].join(", "),
          }),
        ];
  return E.right({
    shipments,
    lotCapacity,
    messages: [...messages, ...addressNeeded, ...producerFlag],
  });
};
