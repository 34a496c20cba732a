import * as E from "fp-ts/lib/Either.js";
import { type DomainError, fail } from "../shared/errors.ts";
import type { LotId, OwnershipId } from "../shared/ids.ts";
import {
  type AllocatableLot,
  type AllocatableOwnership,
  type AllocationInput,
  orderAllocationInput,
} from "./allocation-input.ts";
import {
  maxApportionableHouse,
  type QuotaApportioner,
  quotaApportioner,
} from "./allocation-quota.ts";
import type { LotGrade } from "./harvest.ts";

/**
 * Harvest allocation. Standard and off-spec lots form two separate streams. Each stream's
 * cumulative allocation is the quota method applied to its cumulative house, so a lot's share
 * is the difference between the allocations after and before it: within quota after every
 * lot, never lowering anyone, and the same however often it is recomputed.
 * - standard house = min(cumulative standard quantity, entitled total + surplus bonus cap);
 *   units beyond that return to the producer;
 * - off-spec lots are a bonus on top, never counted toward entitlement, all given out.
 * With no active ownership, everything returns to the producer.
 */

export interface LotAllocation {
  readonly lotId: LotId;
  readonly grade: LotGrade;
  readonly quantity: number;
  readonly allocatedUnits: number;
  readonly returnedToProducer: number;
  /** This lot's units per ownership, aligned with `AllocationResult.ownerships`. */
  readonly units: Int32Array;
}

export interface OwnershipAllocation {
  readonly ownershipId: OwnershipId;
  readonly shares: number;
  /** shares * unitsPerShare: what a full harvest delivers. */
  readonly entitledUnits: number;
  /** Cumulative standard units, including any surplus bonus. */
  readonly standardUnits: number;
  readonly offspecUnits: number;
}

export interface AllocationTotals {
  readonly entitledUnits: number;
  readonly harvestedStandard: number;
  readonly harvestedOffspec: number;
  readonly allocatedStandard: number;
  readonly allocatedOffspec: number;
  /** Standard units allocated beyond the entitled total (at most surplusBonusCapUnits). */
  readonly bonusUnits: number;
  /** Entitled units the standard harvest did not cover (settled by the plan's risk terms). */
  readonly shortfallUnits: number;
  readonly returnedToProducer: number;
}

export interface AllocationResult {
  /** Active ownerships in reservation order. */
  readonly ownerships: readonly OwnershipAllocation[];
  /** Distinct lots in lot order (recordedAt, then id). */
  readonly lots: readonly LotAllocation[];
  readonly totals: AllocationTotals;
}

/** One grade's cumulative stream: the quota method over its house, capped at `capacity`. */
const gradeStream = (ownerships: readonly AllocatableOwnership[], capacity: number) => {
  // Built on first use: most plans never record an off-spec lot.
  let apportioner: QuotaApportioner | undefined;
  let previous: Int32Array = new Int32Array(ownerships.length);
  let harvested = 0;
  let allocated = 0;
  return {
    harvested: () => harvested,
    allocated: () => allocated,
    cumulative: () => previous,
    /** Adds a lot; returns its units per ownership. */
    add: (quantity: number): { allocatedUnits: number; units: Int32Array } => {
      harvested += quantity;
      const house = Math.min(harvested, capacity);
      const allocatedUnits = house - allocated;
      if (allocatedUnits === 0) return { allocatedUnits, units: new Int32Array(previous.length) };
      apportioner ??= quotaApportioner(ownerships);
      apportioner.advanceTo(house);
      allocated = house;
      const current = apportioner.allocation();
      const units = new Int32Array(current.length);
      for (let i = 0; i < current.length; i++) {
        units[i] = (current[i] as number) - (previous[i] as number);
      }
      previous = current;
      return { allocatedUnits, units };
    },
  };
};

const sumQuantities = (lots: readonly AllocatableLot[], grade: LotGrade): number =>
  lots.reduce((sum, lot) => (lot.grade === grade ? sum + lot.quantity : sum), 0);

/** Refuses inputs too large for exact integer arithmetic (a harvest of billions of units). */
const checkSizes = (input: AllocationInput, totalShares: number, standardCapacity: number) => {
  const standard = sumQuantities(input.lots, "standard");
  const offspec = sumQuantities(input.lots, "offspec");
  const maxShares = input.ownerships.reduce((max, o) => Math.max(max, o.shares), 0);
  const maxHouse = maxApportionableHouse(totalShares, maxShares);
  const tooLarge =
    !Number.isSafeInteger(standard) ||
    !Number.isSafeInteger(offspec) ||
    !Number.isSafeInteger(standardCapacity) ||
    (totalShares > 0 && (Math.min(standard, standardCapacity) > maxHouse || offspec > maxHouse));
  return tooLarge
    ? fail("HARVEST.NOT_ALLOCATABLE", "The harvest is too large to allocate exactly", {
        standard,
        offspec,
        totalShares,
        maxHouse,
      })
    : E.right(undefined);
};

/** Divides every lot among the active ownerships, fairly and deterministically. */
export const allocate = (input: AllocationInput): E.Either<DomainError, AllocationResult> => {
  const ordered = orderAllocationInput(input);
  if (E.isLeft(ordered)) return ordered;
  const { ownerships, lots, unitsPerShare, surplusBonusCapUnits } = ordered.right;
  const totalShares = ownerships.reduce((sum, o) => sum + o.shares, 0);
  const entitledTotal = totalShares * unitsPerShare;
  const hasOwners = ownerships.length > 0;
  const standardCapacity = hasOwners ? entitledTotal + surplusBonusCapUnits : 0;
  const sizes = checkSizes(ordered.right, totalShares, standardCapacity);
  if (E.isLeft(sizes)) return sizes;

  const streams = {
    standard: gradeStream(ownerships, standardCapacity),
    offspec: gradeStream(ownerships, hasOwners ? Number.MAX_SAFE_INTEGER : 0),
  };
  const lotAllocations = lots.map((lot): LotAllocation => {
    const { allocatedUnits, units } = streams[lot.grade].add(lot.quantity);
    return {
      lotId: lot.id,
      grade: lot.grade,
      quantity: lot.quantity,
      allocatedUnits,
      returnedToProducer: lot.quantity - allocatedUnits,
      units,
    };
  });

  const standardUnits = streams.standard.cumulative();
  const offspecUnits = streams.offspec.cumulative();
  const ownershipAllocations = ownerships.map(
    (o, i): OwnershipAllocation => ({
      ownershipId: o.id,
      shares: o.shares,
      entitledUnits: o.shares * unitsPerShare,
      standardUnits: standardUnits[i] as number,
      offspecUnits: offspecUnits[i] as number,
    }),
  );
  const harvestedStandard = streams.standard.harvested();
  const harvestedOffspec = streams.offspec.harvested();
  const allocatedStandard = streams.standard.allocated();
  const allocatedOffspec = streams.offspec.allocated();
  return E.right({
    ownerships: ownershipAllocations,
    lots: lotAllocations,
    totals: {
      entitledUnits: entitledTotal,
      harvestedStandard,
      harvestedOffspec,
      allocatedStandard,
      allocatedOffspec,
      bonusUnits: Math.max(0, allocatedStandard - entitledTotal),
      shortfallUnits: Math.max(0, entitledTotal - allocatedStandard),
      returnedToProducer:
        harvestedStandard + harvestedOffspec - allocatedStandard - allocatedOffspec,
    },
  });
};
