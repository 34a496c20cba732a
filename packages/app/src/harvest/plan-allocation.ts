import {
  type AllocationResult,
  allocate,
  type HarvestLot,
  type LotId,
  type Ownership,
  type OwnershipAllocation,
  type Plan,
  sortByReservationOrder,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import type { AppError } from "../errors.ts";
import type { LotAllocation, SummaryLot } from "../ports/allocation-repository.ts";

/** A plan's whole allocation, recomputed from all its lots: the same on every run. */
export interface PlanAllocation {
  readonly plan: Plan;
  /** Active ownerships in reservation order, aligned with `result.ownerships`. */
  readonly ownerships: readonly Ownership[];
  readonly result: AllocationResult;
}

/**
 * Runs the domain's allocation over every lot of the plan. Allocation is cumulative (a lot's
 * share is the difference of the quota method before and after it), so recomputing from all lots
 * gives earlier lots exactly what they got before, and a re-run writes nothing new.
 */
export const computePlanAllocation = (
  plan: Plan,
  lots: readonly HarvestLot[],
  ownerships: readonly Ownership[],
): E.Either<AppError, PlanAllocation> => {
  // The packed sort (the domain's, same order as byReservationOrder): allocate sorts again,
  // which is then a pass over an already ordered array.
  const active = sortByReservationOrder(ownerships.filter((o) => o.status === "active"));
  return E.map((result: AllocationResult) => {
    // Everything downstream pairs ownerships and figures by index: make sure they line up.
    if (result.ownerships.some((figures, i) => figures.ownershipId !== active[i]?.id))
      throw new Error("allocation result is not in reservation order");
    return { plan, ownerships: active, result };
  })(
    allocate({
      unitsPerShare: plan.unitsPerShare,
      surplusBonusCapUnits: plan.surplusBonusCapUnits,
      ownerships: active,
      lots,
    }),
  );
};

/** The non-zero allocations of the lot at `lotIndex` (in lot order), ready to store. */
export const lotAllocationRecords = (
  allocation: PlanAllocation,
  lotIndex: number,
): LotAllocation[] => {
  const lot = allocation.result.lots[lotIndex];
  if (lot === undefined) return [];
  const records: LotAllocation[] = [];
  allocation.ownerships.forEach((ownership, i) => {
    const units = lot.units[i] ?? 0;
    if (units > 0)
      records.push({
        planId: allocation.plan.id,
        lotId: lot.lotId,
        ownershipId: ownership.id,
        ownerId: ownership.ownerId,
        grade: lot.grade,
        units,
      });
  });
  return records;
};

/** For each ownership (same index), its non-zero lot shares in lot order. */
export const lotsPerOwnership = (allocation: PlanAllocation): SummaryLot[][] =>
  allocation.ownerships.map((_, i) =>
    allocation.result.lots.flatMap((lot) => {
      const units = lot.units[i] ?? 0;
      return units > 0 ? [{ lotId: lot.lotId, grade: lot.grade, units }] : [];
    }),
  );

/** The domain's figures for the ownership at `index`. */
export const ownershipFigures = (
  allocation: PlanAllocation,
  index: number,
): OwnershipAllocation => {
  const figures = allocation.result.ownerships[index];
  if (figures === undefined) throw new RangeError(`no ownership at ${index}`);
  return figures;
};

export const lotIdsInOrder = (allocation: PlanAllocation): LotId[] =>
  allocation.result.lots.map((lot) => lot.lotId);
