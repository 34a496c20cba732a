import type { Instant, PlanId, ProducerId, SeasonReport } from "@owners/domain";
import type { Item } from "./item.ts";
import type { ItemKey } from "./reservation-keys.ts";

/** The season report lives in its plan's partition, beside the plan item. */
export const seasonReportKeys = {
  item: (planId: string): ItemKey => ({ PK: `PLAN#${planId}`, SK: "SEASONREPORT" }),
} as const;

export const seasonReportToItem = (report: SeasonReport): Item => ({
  ...seasonReportKeys.item(report.planId),
  entity: "seasonReport",
  planId: report.planId,
  producerId: report.producerId,
  harvestedUnits: report.harvestedUnits,
  lotCount: report.lotCount,
  unitLabel: report.unitLabel,
  note: report.note,
  photoKeys: [...report.photoKeys],
  publishedAt: report.publishedAt,
  updatedAt: report.updatedAt,
  version: report.version,
});

export const seasonReportFromItem = (item: Item): SeasonReport => ({
  planId: item.planId as PlanId,
  producerId: item.producerId as ProducerId,
  harvestedUnits: item.harvestedUnits as number,
  lotCount: item.lotCount as number,
  unitLabel: item.unitLabel as string,
  note: (item.note as string | undefined) ?? "",
  photoKeys: (item.photoKeys as string[] | undefined) ?? [],
  publishedAt: item.publishedAt as Instant,
  updatedAt: item.updatedAt as Instant,
  version: item.version as number,
});
