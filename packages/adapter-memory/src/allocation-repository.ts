import type {
  AllocationRepository,
  AllocationSummary,
  CursorCodec,
  LotAllocation,
} from "@owners/app";
import { lotId } from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { copy, deferred, deferredValue } from "./deferred.ts";
import { paginate } from "./paginate.ts";

const byKey = <T>(map: Map<string, T>, keyOf: (item: T) => string) =>
  [...map.values()].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));

/** The AllocationRepository of the memory mode and the use-case tests. */
export const makeMemoryAllocationRepository = (cursors: CursorCodec): AllocationRepository => {
  const lotAllocations = new Map<string, Map<string, LotAllocation>>();
  const allocatedLots = new Map<string, Set<string>>();
  const summaries = new Map<string, Map<string, AllocationSummary>>();
  const inner = <T>(outer: Map<string, Map<string, T>>, key: string) => {
    const found = outer.get(key) ?? new Map<string, T>();
    outer.set(key, found);
    return found;
  };
  const lotKey = (planId: string, lotId: string) => `${planId}\n${lotId}`;

  return {
    putLotAllocations: (records) =>
      deferredValue(() => {
        for (const record of records)
          inner(lotAllocations, lotKey(record.planId, record.lotId)).set(
            record.ownershipId,
            copy(record),
          );
      }),
    markLotAllocated: (planId, lotId) =>
      deferredValue(() => {
        const lots = allocatedLots.get(planId) ?? new Set<string>();
        lots.add(lotId);
        allocatedLots.set(planId, lots);
      }),
    allocatedLotIds: (planId) =>
      deferredValue(() => [...(allocatedLots.get(planId) ?? [])].sort().map(lotId)),
    listLotAllocations: (planId, lotId, page) =>
      deferred(() =>
        paginate(
          byKey(inner(lotAllocations, lotKey(planId, lotId)), (r) => r.ownershipId).map(copy),
          (r) => r.ownershipId,
          page,
          cursors,
          `lot-allocations:${planId}:${lotId}`,
        ),
      ),
    putSummaries: (list) =>
      deferredValue(() => {
        for (const summary of list)
          inner(summaries, summary.planId).set(summary.ownershipId, copy(summary));
      }),
    getSummary: (planId, ownershipId) =>
      deferredValue(() =>
        O.map(copy<AllocationSummary>)(O.fromNullable(inner(summaries, planId).get(ownershipId))),
      ),
    listSummaries: (planId, page) =>
      deferred(() =>
        paginate(
          byKey(inner(summaries, planId), (s) => s.ownershipId).map(copy),
          (s) => s.ownershipId,
          page,
          cursors,
          `allocation-summaries:${planId}`,
        ),
      ),
    listSummariesByOwner: (planId, ownerId) =>
      deferredValue(() =>
        byKey(inner(summaries, planId), (s) => s.ownershipId)
          .filter((s) => s.ownerId === ownerId)
          .map(copy),
      ),
  };
};
