import type {
  Instant,
  OwnerId,
  Ownership,
  OwnershipId,
  OwnershipPayment,
  PlanId,
  ProducerId,
  Quote,
  Yen,
} from "@owners/domain";
import { defined, type Item } from "./item.ts";
import { disputeKeys, ownershipKeys } from "./reservation-keys.ts";

/** An ownership item; the plan's producer rides along for the returning-owner index. */
export const ownershipToItem = (ownership: Ownership, producerId: ProducerId): Item =>
  defined({
    ...ownershipKeys.item(ownership.id),
    GSI1PK: ownershipKeys.byOwner(ownership.ownerId),
    GSI1SK: ownershipKeys.byOwnerSort(ownership.reservedAt, ownership.id),
    GSI2PK: ownershipKeys.byPlan(ownership.planId),
    GSI2SK: ownershipKeys.orderSort(ownership.reservedAt, ownership.id),
    GSI3PK: ownershipKeys.byOwnerAndProducer(ownership.ownerId, producerId),
    GSI3SK: ownershipKeys.orderSort(ownership.reservedAt, ownership.id),
    entity: "ownership",
    producerId,
    ...ownershipFields(ownership),
  });

/** A disputed ownership's marker: its fields as amended, under the disputes partition. */
export const disputeMarkerToItem = (ownership: Ownership): Item =>
  defined({
    ...disputeKeys.item(ownership.id),
    entity: "disputedOwnership",
    ...ownershipFields(ownership),
  });

const ownershipFields = (ownership: Ownership) =>
  defined({
    id: ownership.id,
    planId: ownership.planId,
    ownerId: ownership.ownerId,
    shares: ownership.shares,
    quote: ownership.quote,
    reservedAt: ownership.reservedAt,
    idempotencyKey: ownership.idempotencyKey,
    status: ownership.status,
    cancelledAt: ownership.cancelledAt,
    creditAppliedYen: ownership.creditAppliedYen,
    payment: ownership.payment === undefined ? undefined : defined({ ...ownership.payment }),
    holdExpiresAt: ownership.holdExpiresAt,
    disputed: ownership.disputed,
    version: ownership.version,
  });

export const ownershipFromItem = (item: Item): Ownership => {
  const ownership: Ownership = {
    id: item.id as OwnershipId,
    planId: item.planId as PlanId,
    ownerId: item.ownerId as OwnerId,
    shares: item.shares as number,
    quote: item.quote as Quote,
    reservedAt: item.reservedAt as Instant,
    idempotencyKey: item.idempotencyKey as string,
    status: item.status as Ownership["status"],
    version: item.version as number,
  };
  return {
    ...ownership,
    ...(item.creditAppliedYen === undefined
      ? {}
      : { creditAppliedYen: item.creditAppliedYen as Yen }),
    ...(item.payment === undefined ? {} : { payment: item.payment as OwnershipPayment }),
    ...(item.holdExpiresAt === undefined ? {} : { holdExpiresAt: item.holdExpiresAt as Instant }),
    ...(item.disputed === undefined ? {} : { disputed: item.disputed as boolean }),
    ...(item.cancelledAt === undefined ? {} : { cancelledAt: item.cancelledAt as Instant }),
  };
};

export const producerOfOwnershipItem = (item: Item): ProducerId => item.producerId as ProducerId;
