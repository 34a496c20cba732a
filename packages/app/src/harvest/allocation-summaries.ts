import {
  type LedgerEntry,
  type LedgerEntryId,
  type OwnershipSettlement,
  ownerStatement,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import type { AppError } from "../errors.ts";
import type { AllocationSummary } from "../ports/allocation-repository.ts";
import { lotsPerOwnership, ownershipFigures, type PlanAllocation } from "./plan-allocation.ts";
import { compensatedSoFar } from "./shortfall-ledger.ts";

export interface SummaryContext {
  readonly allocation: PlanAllocation;
  /** Whether the harvest is final and the settlement lines are what is owed. */
  readonly settled: boolean;
  /** Aligned with allocation.ownerships. */
  readonly settlements: readonly OwnershipSettlement[];
  /** The plan's ledger by ownership, after this run's shortfall writes. */
  readonly ledger: ReadonlyMap<string, readonly LedgerEntry[]>;
  /** Refund entries the gateway has confirmed, per ownership. */
  readonly paid: ReadonlyMap<string, readonly LedgerEntryId[]>;
}

/** Every active ownership's summary with its statement, in reservation order. */
export const allocationSummaries = (
  ctx: SummaryContext,
): E.Either<AppError, AllocationSummary[]> => {
  const { allocation } = ctx;
  const { plan, result } = allocation;
  const lots = lotsPerOwnership(allocation);
  const summaries: AllocationSummary[] = [];
  for (const [i, ownership] of allocation.ownerships.entries()) {
    const figures = ownershipFigures(allocation, i);
    const settlement = ctx.settlements[i];
    if (settlement === undefined || settlement.ownershipId !== ownership.id)
      throw new RangeError(`settlement ${i} is not ownership ${ownership.id}`);
    const statement = ownerStatement({
      unitLabel: plan.unitLabel,
      riskTerms: plan.riskTerms,
      plan: {
        entitledUnits: result.totals.entitledUnits,
        receivedStandardUnits: result.totals.allocatedStandard,
      },
      ownership: {
        ownershipId: ownership.id,
        shares: figures.shares,
        entitledUnits: figures.entitledUnits,
        receivedStandardUnits: figures.standardUnits,
        receivedOffspecUnits: figures.offspecUnits,
        paid: ownership.quote,
      },
      settlement,
      ...(ctx.settled ? {} : { settlementPending: true }),
    });
    if (E.isLeft(statement)) return statement;
    const so = compensatedSoFar(ctx.ledger.get(ownership.id) ?? []);
    summaries.push({
      planId: plan.id,
      ownershipId: ownership.id,
      ownerId: ownership.ownerId,
      shares: figures.shares,
      entitledUnits: figures.entitledUnits,
      standardUnits: figures.standardUnits,
      offspecUnits: figures.offspecUnits,
      missingUnits: settlement.missingUnits,
      lots: lots[i] ?? [],
      compensation: settlement.compensation,
      settled: ctx.settled,
      refundYen: so.refundYen,
      creditYen: so.creditYen,
      paidRefundEntryIds: [...(ctx.paid.get(ownership.id) ?? [])].sort(),
      statement: statement.right.lines,
      statementFacts: statement.right.facts,
    });
  }
  return E.right(summaries);
};
