import type { AllocationSummary } from "@owners/app";
import type {
  Compensation,
  LedgerEntryId,
  OwnerId,
  OwnershipId,
  PlanId,
  StatementFacts,
  Yen,
} from "@owners/domain";
import { allocationKeys } from "./harvest-keys.ts";
import type { Item } from "./item.ts";

export const allocationSummaryToItem = (summary: AllocationSummary): Item => ({
  ...allocationKeys.summaryItem(summary.planId, summary.ownershipId),
  GSI1PK: allocationKeys.summariesOfOwner(summary.planId, summary.ownerId),
  GSI1SK: allocationKeys.ownershipSort(summary.ownershipId),
  entity: "allocationSummary",
  planId: summary.planId,
  ownershipId: summary.ownershipId,
  ownerId: summary.ownerId,
  shares: summary.shares,
  entitledUnits: summary.entitledUnits,
  standardUnits: summary.standardUnits,
  offspecUnits: summary.offspecUnits,
  missingUnits: summary.missingUnits,
  lots: summary.lots.map((lot) => ({ ...lot })),
  compensation: { ...summary.compensation },
  settled: summary.settled,
  refundYen: summary.refundYen,
  creditYen: summary.creditYen,
  paidRefundEntryIds: [...summary.paidRefundEntryIds],
  statement: [...summary.statement],
  ...(summary.statementFacts === undefined
    ? {}
    : { statementFacts: structuredClone(summary.statementFacts) }),
});

export const allocationSummaryFromItem = (item: Item): AllocationSummary => ({
  planId: item.planId as PlanId,
  ownershipId: item.ownershipId as OwnershipId,
  ownerId: item.ownerId as OwnerId,
  shares: item.shares as number,
  entitledUnits: item.entitledUnits as number,
  standardUnits: item.standardUnits as number,
  offspecUnits: item.offspecUnits as number,
  missingUnits: item.missingUnits as number,
  lots: item.lots as AllocationSummary["lots"],
  compensation: item.compensation as Compensation,
  // Summaries written before settle-once were settled lot by lot.
  settled: (item.settled as boolean | undefined) ?? true,
  refundYen: item.refundYen as Yen,
  creditYen: item.creditYen as Yen,
  paidRefundEntryIds: item.paidRefundEntryIds as LedgerEntryId[],
  statement: item.statement as string[],
  // Summaries written before the facts were kept read in English only.
  ...(item.statementFacts === undefined
    ? {}
    : { statementFacts: item.statementFacts as StatementFacts }),
});
