import type { LotAllocation } from "@owners/app";
import type { LotGrade, LotId, OwnerId, OwnershipId, PlanId } from "@owners/domain";
import { allocationKeys } from "./harvest-keys.ts";
import type { Item } from "./item.ts";

/** One (lot, ownership) share: the plan's largest item count (100k owners times its lots). */
export const lotAllocationToItem = (record: LotAllocation): Item => ({
  ...allocationKeys.lotItem(record.planId, record.lotId, record.ownershipId),
  entity: "lotAllocation",
  planId: record.planId,
  lotId: record.lotId,
  ownershipId: record.ownershipId,
  ownerId: record.ownerId,
  grade: record.grade,
  units: record.units,
});

export const lotAllocationFromItem = (item: Item): LotAllocation => ({
  planId: item.planId as PlanId,
  lotId: item.lotId as LotId,
  ownershipId: item.ownershipId as OwnershipId,
  ownerId: item.ownerId as OwnerId,
  grade: item.grade as LotGrade,
  units: item.units as number,
});
