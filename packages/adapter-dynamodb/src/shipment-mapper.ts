import type { LotShipment, ShippingAddress } from "@owners/app";
import type {
  BoxesByDay,
  DeliverySlot,
  Instant,
  LotId,
  OwnerId,
  OwnershipId,
  PlanId,
  ProducerId,
  ShipmentId,
  Temperature,
} from "@owners/domain";
import { shipmentKeys } from "./harvest-keys.ts";
import { defined, type Item } from "./item.ts";

/** A shipment item; only one with unscheduled units carries the infeasible index keys (GSI2). */
export const shipmentToItem = (s: LotShipment): Item =>
  defined({
    ...shipmentKeys.item(s.planId, s.lotId, s.ownershipId),
    GSI1PK: shipmentKeys.ofOwner(s.planId, s.ownerId),
    GSI1SK: shipmentKeys.sort(s.lotId, s.ownershipId),
    GSI2PK: s.unshipped === undefined ? undefined : shipmentKeys.infeasible(s.planId),
    GSI2SK: s.unshipped === undefined ? undefined : shipmentKeys.sort(s.lotId, s.ownershipId),
    entity: "shipment",
    id: s.id,
    planId: s.planId,
    producerId: s.producerId,
    lotId: s.lotId,
    ownershipId: s.ownershipId,
    ownerId: s.ownerId,
    region: s.region,
    address: s.address === undefined ? undefined : defined({ ...s.address }),
    units: s.units,
    parcels: s.parcels.map((p) => ({ ...p })),
    unshipped: s.unshipped === undefined ? undefined : { ...s.unshipped },
    scheduledAt: s.scheduledAt,
    temperature: s.temperature,
    slot: s.slot,
    giftMessage: s.giftMessage,
  });

export const shipmentFromItem = (item: Item): LotShipment => {
  const base = {
    id: item.id as ShipmentId,
    planId: item.planId as PlanId,
    producerId: item.producerId as ProducerId,
    lotId: item.lotId as LotId,
    ownershipId: item.ownershipId as OwnershipId,
    ownerId: item.ownerId as OwnerId,
    region: item.region as string,
    units: item.units as number,
    parcels: item.parcels as LotShipment["parcels"],
    scheduledAt: item.scheduledAt as Instant,
  };
  return {
    ...base,
    ...(item.address === undefined ? {} : { address: item.address as ShippingAddress }),
    ...(item.unshipped === undefined
      ? {}
      : { unshipped: item.unshipped as NonNullable<LotShipment["unshipped"]> }),
    ...(item.temperature === undefined ? {} : { temperature: item.temperature as Temperature }),
    ...(item.slot === undefined ? {} : { slot: item.slot as DeliverySlot }),
    ...(item.giftMessage === undefined ? {} : { giftMessage: item.giftMessage as string }),
  };
};

/** The boxes one lot booked of its producer's daily capacity. */
export const lotCapacityToItem = (
  producerId: ProducerId,
  lotId: LotId,
  boxesByDay: BoxesByDay,
): Item => ({
  ...shipmentKeys.capacityItem(producerId, lotId),
  entity: "lotCapacity",
  producerId,
  lotId,
  boxesByDay: { ...boxesByDay },
});

export const lotCapacityFromItem = (item: Item): { lotId: LotId; boxesByDay: BoxesByDay } => ({
  lotId: item.lotId as LotId,
  boxesByDay: item.boxesByDay as BoxesByDay,
});
