import * as E from "fp-ts/lib/Either.js";
import type { Ownership, OwnershipStatus } from "../reservations/ownership.ts";
import { sortByReservationOrder } from "../reservations/reservation-sort.ts";
import { type DomainError, fail } from "../shared/errors.ts";
import type { HarvestLot } from "./harvest.ts";

/** What allocation needs of an ownership; any but active ones (if a status is given) are skipped. */
export type AllocatableOwnership = Pick<Ownership, "id" | "shares" | "reservedAt"> & {
  readonly status?: OwnershipStatus;
};

/** What allocation needs of a harvest lot. */
export type AllocatableLot = Pick<HarvestLot, "id" | "quantity" | "grade" | "recordedAt">;

export interface AllocationInput {
  readonly unitsPerShare: number;
  readonly surplusBonusCapUnits: number;
  readonly ownerships: readonly AllocatableOwnership[];
  readonly lots: readonly AllocatableLot[];
}

/** Lot order: lots are allocated by recordedAt, then id. */
export const byLotOrder = (
  a: Pick<HarvestLot, "recordedAt" | "id">,
  b: Pick<HarvestLot, "recordedAt" | "id">,
): number =>
  a.recordedAt < b.recordedAt
    ? -1
    : a.recordedAt > b.recordedAt
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;

const isPositiveInteger = (n: number) => Number.isSafeInteger(n) && n > 0;
const isNonNegativeInteger = (n: number) => Number.isSafeInteger(n) && n >= 0;

const sameLot = (a: AllocatableLot, b: AllocatableLot) =>
  a.quantity === b.quantity && a.grade === b.grade && a.recordedAt === b.recordedAt;

const orderOwnerships = (
  ownerships: readonly AllocatableOwnership[],
): E.Either<DomainError, AllocatableOwnership[]> => {
  const active: AllocatableOwnership[] = [];
  const seen = new Set<string>();
  for (const ownership of ownerships) {
    // Only paid ownerships share the harvest: holds, failed payments and cancellations get nothing.
    if (ownership.status !== undefined && ownership.status !== "active") continue;
    if (!isPositiveInteger(ownership.shares)) {
      return fail("QUANTITY.INVALID", "An ownership's shares must be a positive integer", {
        ownershipId: ownership.id,
        shares: ownership.shares,
      });
    }
    if (seen.has(ownership.id)) {
      return fail("VALIDATION.INVALID", "The same ownership is listed twice", {
        ownershipId: ownership.id,
      });
    }
    seen.add(ownership.id);
    active.push(ownership);
  }
  return E.right(sortByReservationOrder(active));
};

/** Re-recording a lot is harmless (idempotency); the same id with other contents is not. */
const orderLots = (lots: readonly AllocatableLot[]): E.Either<DomainError, AllocatableLot[]> => {
  const byId = new Map<string, AllocatableLot>();
  for (const lot of lots) {
    if (!isNonNegativeInteger(lot.quantity)) {
      return fail("HARVEST.INVALID_LOT", "A lot's quantity must be a non-negative integer", {
        lotId: lot.id,
        quantity: lot.quantity,
      });
    }
    if (lot.grade !== "standard" && lot.grade !== "offspec") {
      return fail("HARVEST.INVALID_LOT", "A lot's grade must be standard or offspec", {
        lotId: lot.id,
        grade: lot.grade,
      });
    }
    const known = byId.get(lot.id);
    if (known !== undefined && !sameLot(known, lot)) {
      return fail("HARVEST.INVALID_LOT", "The same lot id was recorded with different contents", {
        lotId: lot.id,
      });
    }
    byId.set(lot.id, lot);
  }
  return E.right([...byId.values()].sort(byLotOrder));
};

/**
 * Checks the input; the result keeps only active ownerships, in reservation order, and
 * distinct lots, in lot order.
 */
export const orderAllocationInput = (
  input: AllocationInput,
): E.Either<DomainError, AllocationInput> => {
  if (!isPositiveInteger(input.unitsPerShare)) {
    return fail("QUANTITY.INVALID", "unitsPerShare must be a positive integer", {
      unitsPerShare: input.unitsPerShare,
    });
  }
  if (!isNonNegativeInteger(input.surplusBonusCapUnits)) {
    return fail("QUANTITY.INVALID", "surplusBonusCapUnits must be a non-negative integer", {
      surplusBonusCapUnits: input.surplusBonusCapUnits,
    });
  }
  const lots = orderLots(input.lots);
  if (E.isLeft(lots)) return lots;
  const ownerships = orderOwnerships(input.ownerships);
  if (E.isLeft(ownerships)) return ownerships;
  return E.right({
    unitsPerShare: input.unitsPerShare,
    surplusBonusCapUnits: input.surplusBonusCapUnits,
    ownerships: ownerships.right,
    lots: lots.right,
  });
};
