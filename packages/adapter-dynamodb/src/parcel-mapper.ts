import type { ParcelRecord } from "@owners/app";
import type {
  Carrier,
  DeliveryConfirmation,
  Instant,
  LocalDate,
  LotId,
  OwnerId,
  ParcelCounts,
  ParcelId,
  ParcelProgress,
  PlanId,
  ProducerId,
  ShipmentId,
} from "@owners/domain";
import { defined, type Item } from "./item.ts";
import { parcelKeys } from "./parcel-keys.ts";

const progressAttributes = (p: ParcelProgress): Item =>
  p.state === "scheduled"
    ? { state: p.state }
    : {
        state: p.state,
        carrier: p.carrier,
        trackingNumber: p.trackingNumber,
        shippedAt: p.shippedAt,
        ...(p.state === "delivered"
          ? { deliveredAt: p.deliveredAt, confirmedBy: p.confirmedBy }
          : {}),
      };

const progressFromItem = (item: Item): ParcelProgress => {
  if (item.state === "scheduled") return { state: "scheduled" };
  const left = {
    carrier: item.carrier as Carrier,
    trackingNumber: item.trackingNumber as string,
    shippedAt: item.shippedAt as Instant,
  };
  return item.state === "delivered"
    ? {
        state: "delivered",
        ...left,
        deliveredAt: item.deliveredAt as Instant,
        confirmedBy: item.confirmedBy as DeliveryConfirmation,
      }
    : { state: "shipped", ...left };
};

export const parcelToItem = (p: ParcelRecord): Item =>
  defined({
    ...parcelKeys.item(p.planId, p.id),
    GSI1PK: parcelKeys.ofOwner(p.planId, p.ownerId),
    GSI1SK: parcelKeys.sort(p.id),
    entity: "parcel",
    id: p.id,
    planId: p.planId,
    producerId: p.producerId,
    ownerId: p.ownerId,
    shipmentId: p.shipmentId,
    lotId: p.lotId,
    shipOn: p.shipOn,
    arriveBy: p.arriveBy,
    boxes: p.boxes,
    ...progressAttributes(p.progress),
    version: p.version,
  });

export const parcelFromItem = (item: Item): ParcelRecord => ({
  id: item.id as ParcelId,
  planId: item.planId as PlanId,
  producerId: item.producerId as ProducerId,
  ownerId: item.ownerId as OwnerId,
  shipmentId: item.shipmentId as ShipmentId,
  lotId: item.lotId as LotId,
  shipOn: item.shipOn as LocalDate,
  arriveBy: item.arriveBy as LocalDate,
  boxes: item.boxes as number,
  progress: progressFromItem(item),
  version: item.version as number,
});

export const parcelCountsFromItem = (item: Item | undefined): ParcelCounts => ({
  total: (item?.total as number | undefined) ?? 0,
  shipped: (item?.shipped as number | undefined) ?? 0,
  delivered: (item?.delivered as number | undefined) ?? 0,
});
