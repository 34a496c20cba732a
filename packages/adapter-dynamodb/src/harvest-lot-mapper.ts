import type { HarvestLot, Instant, LocalDate, LotGrade, LotId, PlanId } from "@owners/domain";
import { lotKeys } from "./harvest-keys.ts";
import type { Item } from "./item.ts";

export const harvestLotToItem = (lot: HarvestLot): Item => ({
  ...lotKeys.item(lot.planId, lot.id),
  entity: "harvestLot",
  id: lot.id,
  planId: lot.planId,
  quantity: lot.quantity,
  grade: lot.grade,
  readyOn: lot.readyOn,
  bestBefore: lot.bestBefore,
  recordedAt: lot.recordedAt,
});

export const harvestLotFromItem = (item: Item): HarvestLot => ({
  id: item.id as LotId,
  planId: item.planId as PlanId,
  quantity: item.quantity as number,
  grade: item.grade as LotGrade,
  readyOn: item.readyOn as LocalDate,
  bestBefore: item.bestBefore as LocalDate,
  recordedAt: item.recordedAt as Instant,
});
