import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { byReservationOrder } from "../reservations/ownership.ts";
import { lotId, ownershipId } from "../shared/ids.ts";
import { addMillis, instant } from "../shared/time.ts";
import { type AllocationResult, allocate } from "./allocation.ts";
import type { AllocatableLot, AllocatableOwnership, AllocationInput } from "./allocation-input.ts";
import { apportion } from "./allocation-quota.ts";
import type { LotGrade } from "./harvest.ts";

const T0 = instant("2026-05-01T00:00:00.000Z");
const at = (minutes: number) => addMillis(T0, minutes * 60_000);

const owner = (id: string, shares: number, minute: number): AllocatableOwnership => ({
  id: ownershipId(id),
  shares,
  reservedAt: at(minute),
});
const lot = (id: string, quantity: number, grade: LotGrade, minute: number): AllocatableLot => ({
  id: lotId(id),
  quantity,
  grade,
  recordedAt: at(minute),
});

const allocated = (input: AllocationInput): AllocationResult => {
  const result = allocate(input);
  if (E.isLeft(result)) throw new Error(`unexpected ${result.left._tag}: ${result.left.message}`);
  return result.right;
};
const errorOf = (input: AllocationInput): string | undefined => {
  const result = allocate(input);
  return E.isLeft(result) ? result.left._tag : undefined;
};

// Few reservation instants and share counts, so equal shares and equal timestamps are common.
const ownershipsArb = fc
  .uniqueArray(
    fc.record({
      id: fc.integer({ min: 0, max: 99 }).map((n) => `own-${n}`),
      shares: fc.integer({ min: 1, max: 6 }),
      minute: fc.integer({ min: 0, max: 3 }),
    }),
    { selector: (o) => o.id, maxLength: 12 },
  )
  .map((os) => os.map((o) => owner(o.id, o.shares, o.minute)));

const lotsArb = fc
  .uniqueArray(
    fc.record({
      id: fc.integer({ min: 0, max: 99 }).map((n) => `lot-${n}`),
      quantity: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 6 }), fc.nat(80)),
      grade: fc.constantFrom<LotGrade>("standard", "standard", "offspec"),
      minute: fc.integer({ min: 0, max: 5 }),
    }),
    { selector: (l) => l.id, maxLength: 8 },
  )
  .map((ls) => ls.map((l) => lot(l.id, l.quantity, l.grade, l.minute)));

const inputArb: fc.Arbitrary<AllocationInput> = fc.record({
  unitsPerShare: fc.integer({ min: 1, max: 4 }),
  surplusBonusCapUnits: fc.oneof(fc.constant(0), fc.nat(15)),
  ownerships: ownershipsArb,
  lots: lotsArb,
});

const RUNS = { numRuns: 1000 };

const totalSharesOf = (result: AllocationResult) =>
  result.ownerships.reduce((sum, o) => sum + o.shares, 0);

/** Replays the lots in order: each grade's cumulative units per ownership after every lot. */
const cumulativeAfterEachLot = (result: AllocationResult) => {
  const sums = {
    standard: result.ownerships.map(() => 0),
    offspec: result.ownerships.map(() => 0),
  };
  const houses = { standard: 0, offspec: 0 };
  const harvested = { standard: 0, offspec: 0 };
  return result.lots.map((l) => {
    const sum = sums[l.grade];
    l.units.forEach((u, i) => {
      sum[i] = (sum[i] as number) + u;
    });
    houses[l.grade] += l.allocatedUnits;
    harvested[l.grade] += l.quantity;
    return {
      lot: l,
      house: houses[l.grade],
      harvested: harvested[l.grade],
      cumulative: [...sum],
    };
  });
};

/** Deterministic shuffle driven by generated keys. */
const shuffled = <T>(items: readonly T[], keys: readonly number[]): T[] =>
  items
    .map((item, i) => ({ item, key: keys[i % Math.max(1, keys.length)] ?? 0, i }))
    .sort((a, b) => a.key - b.key || b.i - a.i)
    .map((x) => x.item);

describe("allocate: hand-checked examples", () => {
  it("divides by the quota method, ties to the earlier reservation, whatever the input order", () => {
    const ownerships = [owner("c", 1, 3), owner("a", 3, 1), owner("b", 2, 2)];
    const result = allocated({
      unitsPerShare: 2,
      surplusBonusCapUnits: 2,
      ownerships,
      lots: [lot("l2", 7, "standard", 2), lot("l1", 5, "standard", 1), lot("l3", 8, "standard", 3)],
    });
    expect(result.ownerships.map((o) => o.ownershipId)).toEqual(["a", "b", "c"]);
    expect(result.lots.map((l) => [l.lotId, ...l.units])).toEqual([
      ["l1", 3, 2, 0], // a and c tie for the 5th unit at priority 1: a reserved first
      ["l2", 3, 2, 2], // cumulative 6, 4, 2: exactly the entitlement
      ["l3", 1, 1, 0], // surplus: a bonus of 2 (the cap), the other 6 return to the producer
    ]);
    expect(result.lots.map((l) => [l.allocatedUnits, l.returnedToProducer])).toEqual([
      [5, 0],
      [7, 0],
      [2, 6],
    ]);
    expect(result.ownerships.map((o) => [o.entitledUnits, o.standardUnits])).toEqual([
      [6, 7],
      [4, 5],
      [2, 2],
    ]);
    expect(result.totals).toEqual({
      entitledUnits: 12,
      harvestedStandard: 20,
      harvestedOffspec: 0,
      allocatedStandard: 14,
      allocatedOffspec: 0,
      bonusUnits: 2,
      shortfallUnits: 0,
      returnedToProducer: 6,
    });
  });

  it("gives off-spec lots out entirely as a bonus, apart from the entitlement", () => {
    const result = allocated({
      unitsPerShare: 1,
      surplusBonusCapUnits: 0,
      ownerships: [owner("a", 1, 0), owner("b", 3, 1)],
      lots: [lot("std", 2, "standard", 0), lot("off", 9, "offspec", 1)],
    });
    // Jefferson priority: both standard units go to the 3-share ownership (quota 1.5 vs 0.5).
    expect(result.ownerships.map((o) => [o.standardUnits, o.offspecUnits])).toEqual([
      [0, 2],
      [2, 7],
    ]);
    expect(result.totals.shortfallUnits).toBe(2);
    expect(result.totals.returnedToProducer).toBe(0);
  });

  it("skips cancelled ownerships and returns everything when no one is active", () => {
    const cancelled = { ...owner("x", 5, 0), status: "cancelled" as const };
    // Unpaid holds and failed payments are not owners either.
    const unpaid = { ...owner("y", 5, 0), status: "pending_payment" as const };
    const failed = { ...owner("z", 5, 0), status: "payment_failed" as const };
    const active = { ...owner("a", 1, 0), status: "active" as const };
    const lots = [lot("l", 4, "standard", 0), lot("o", 3, "offspec", 1)];
    const some = allocated({
      unitsPerShare: 2,
      surplusBonusCapUnits: 0,
      ownerships: [cancelled, unpaid, failed, active],
      lots,
    });
    expect(some.ownerships.map((o) => [o.ownershipId, o.standardUnits, o.offspecUnits])).toEqual([
      ["a", 2, 3],
    ]);
    const none = allocated({ unitsPerShare: 2, surplusBonusCapUnits: 5, ownerships: [], lots });
    expect(none.lots.map((l) => [l.allocatedUnits, l.returnedToProducer])).toEqual([
      [0, 4],
      [0, 3],
    ]);
    expect(none.totals.returnedToProducer).toBe(7);
  });

  it("rejects invalid input with the matching error code", () => {
    const base: AllocationInput = {
      unitsPerShare: 2,
      surplusBonusCapUnits: 0,
      ownerships: [owner("a", 1, 0)],
      lots: [lot("l", 1, "standard", 0)],
    };
    expect(errorOf(base)).toBeUndefined();
    expect(errorOf({ ...base, unitsPerShare: 0 })).toBe("QUANTITY.INVALID");
    expect(errorOf({ ...base, unitsPerShare: 1.5 })).toBe("QUANTITY.INVALID");
    expect(errorOf({ ...base, surplusBonusCapUnits: -1 })).toBe("QUANTITY.INVALID");
    expect(errorOf({ ...base, ownerships: [owner("a", 0, 0)] })).toBe("QUANTITY.INVALID");
    expect(errorOf({ ...base, ownerships: [owner("a", 2.5, 0)] })).toBe("QUANTITY.INVALID");
    expect(errorOf({ ...base, ownerships: [owner("a", 1, 0), owner("a", 2, 1)] })).toBe(
      "VALIDATION.INVALID",
    );
    expect(errorOf({ ...base, lots: [lot("l", -1, "standard", 0)] })).toBe("HARVEST.INVALID_LOT");
    expect(errorOf({ ...base, lots: [lot("l", 0.5, "standard", 0)] })).toBe("HARVEST.INVALID_LOT");
    expect(
      errorOf({ ...base, lots: [{ ...lot("l", 1, "standard", 0), grade: "rotten" as LotGrade }] }),
    ).toBe("HARVEST.INVALID_LOT");
    expect(
      errorOf({ ...base, lots: [lot("l", 1, "standard", 0), lot("l", 2, "standard", 0)] }),
    ).toBe("HARVEST.INVALID_LOT");
    expect(errorOf({ ...base, lots: [lot("l", 3_000_000_000, "offspec", 0)] })).toBe(
      "HARVEST.NOT_ALLOCATABLE",
    );
  });
});

describe("allocate: properties for any input", () => {
  it("conserves units: allocated + returned = harvested, capped at entitlement + bonus cap", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocated(input);
        const hasOwners = result.ownerships.length > 0;
        const capacity = hasOwners
          ? totalSharesOf(result) * input.unitsPerShare + input.surplusBonusCapUnits
          : 0;
        for (const { lot: l, house, harvested } of cumulativeAfterEachLot(result)) {
          expect(l.allocatedUnits + l.returnedToProducer).toBe(l.quantity);
          expect(l.units.reduce((sum, u) => sum + u, 0)).toBe(l.allocatedUnits);
          expect(house).toBe(
            l.grade === "standard" ? Math.min(harvested, capacity) : hasOwners ? harvested : 0,
          );
        }
        const { totals } = result;
        expect(totals.allocatedStandard + totals.allocatedOffspec + totals.returnedToProducer).toBe(
          totals.harvestedStandard + totals.harvestedOffspec,
        );
        expect(totals.bonusUnits).toBeLessThanOrEqual(input.surplusBonusCapUnits);
        expect(totals.allocatedStandard - totals.bonusUnits + totals.shortfallUnits).toBe(
          totals.entitledUnits,
        );
        expect(result.ownerships.reduce((sum, o) => sum + o.standardUnits, 0)).toBe(
          totals.allocatedStandard,
        );
        expect(result.ownerships.reduce((sum, o) => sum + o.offspecUnits, 0)).toBe(
          totals.allocatedOffspec,
        );
      }),
      RUNS,
    );
  });

  it("keeps everyone within one unit of the exact share after every lot, in both grades", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocated(input);
        const total = totalSharesOf(result);
        for (const { house, cumulative } of cumulativeAfterEachLot(result)) {
          result.ownerships.forEach(({ shares }, i) => {
            const a = cumulative[i] as number;
            // floor(q) <= a <= ceil(q), q = shares * house / total, in exact integers
            expect(a * total).toBeGreaterThan(shares * house - total);
            expect(a * total).toBeLessThan(shares * house + total);
          });
        }
      }),
      RUNS,
    );
  });

  it("never lowers anyone's cumulative allocation with a new lot (house monotonicity)", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const l of allocated(input).lots) {
          expect(Math.min(0, ...l.units)).toBe(0);
        }
      }),
      RUNS,
    );
  });

  it("never gives more shares fewer units; equal shares favour the earlier reservation", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocated(input);
        const owners = result.ownerships; // reservation order
        for (const { cumulative } of cumulativeAfterEachLot(result)) {
          owners.forEach((oi, i) => {
            owners.forEach((oj, j) => {
              const ai = cumulative[i] as number;
              const aj = cumulative[j] as number;
              if (oi.shares > oj.shares) expect(ai).toBeGreaterThanOrEqual(aj);
              if (oi.shares === oj.shares && i < j) expect(ai - aj).toBeOneOf([0, 1]);
            });
          });
        }
      }),
      RUNS,
    );
  });

  it("gives no one more than entitled while the standard harvest falls short", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocated(input);
        const entitled = result.totals.entitledUnits;
        for (const { lot: l, harvested, cumulative } of cumulativeAfterEachLot(result)) {
          if (l.grade !== "standard" || harvested > entitled) continue;
          result.ownerships.forEach((o, i) => {
            expect(cumulative[i]).toBeLessThanOrEqual(o.entitledUnits);
          });
        }
        if (result.totals.shortfallUnits > 0) {
          for (const o of result.ownerships) {
            expect(o.standardUnits).toBeLessThanOrEqual(o.entitledUnits);
          }
        }
      }),
      RUNS,
    );
  });

  it("equals the quota method applied to each grade's cumulative house, lot after lot", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocated(input);
        const sorted = [...input.ownerships].sort(byReservationOrder);
        for (const { house, cumulative } of cumulativeAfterEachLot(result)) {
          expect(cumulative).toEqual(Array.from(apportion(sorted, house)));
        }
      }),
      RUNS,
    );
  });

  it("is deterministic: the order ownerships and lots are given in does not matter", () => {
    fc.assert(
      fc.property(inputArb, fc.array(fc.nat(), { minLength: 1 }), (input, keys) => {
        const reordered = {
          ...input,
          ownerships: shuffled(input.ownerships, keys),
          lots: shuffled(input.lots, [...keys].reverse()),
        };
        expect(allocated(reordered)).toEqual(allocated(input));
      }),
      RUNS,
    );
  });

  it("is idempotent: re-recording lots or re-running earlier lots changes nothing", () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), (input, cut) => {
        const result = allocated(input);
        const again = allocated({ ...input, lots: [...input.lots, ...input.lots.slice(0, cut)] });
        expect(again).toEqual(result);
        // Allocating only the first lots (an earlier run) gave those lots the same units.
        const kept = result.lots.slice(0, cut % (result.lots.length + 1));
        const keptIds = new Set<string>(kept.map((l) => l.lotId));
        const earlier = allocated({ ...input, lots: input.lots.filter((l) => keptIds.has(l.id)) });
        expect(earlier.lots).toEqual(kept);
      }),
      RUNS,
    );
  });
});
