import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apportion, maxApportionableHouse, quotaApportioner } from "./allocation-quota.ts";
import { referenceQuotaMethod } from "./quota-reference.fixtures.ts";

const holdersOf = (shares: readonly number[]) => shares.map((s) => ({ shares: s }));

// Few distinct share counts so groups are large and ties between groups are common.
const sharesArb = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 25 });

describe("quota method (fast, grouped) against the unit-by-unit reference", () => {
  it("gives exactly the reference allocation for any holders and house", () => {
    fc.assert(
      fc.property(sharesArb, fc.integer({ min: 0, max: 300 }), (shares, house) => {
        expect(Array.from(apportion(holdersOf(shares), house))).toEqual(
          referenceQuotaMethod(shares, house),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it("matches the reference at every house size when grown step by step in random jumps", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 15 }),
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 8 }),
        (shares, jumps) => {
          const apportioner = quotaApportioner(holdersOf(shares));
          let house = 0;
          for (const jump of jumps) {
            house += jump;
            apportioner.advanceTo(house);
            expect(apportioner.house()).toBe(house);
            expect(Array.from(apportioner.allocation())).toEqual(
              referenceQuotaMethod(shares, house),
            );
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("stays within quota and gives everything out, for any house", () => {
    fc.assert(
      fc.property(sharesArb, fc.integer({ min: 0, max: 500 }), (shares, house) => {
        const total = shares.reduce((sum, s) => sum + s, 0);
        const units = apportion(holdersOf(shares), house);
        expect(units.reduce((sum, a) => sum + a, 0)).toBe(house);
        shares.forEach((s, i) => {
          expect(units[i]).toBeGreaterThanOrEqual(Math.floor((s * house) / total));
          expect(units[i]).toBeLessThanOrEqual(Math.ceil((s * house) / total));
        });
      }),
      { numRuns: 1000 },
    );
  });

  it("gives exactly shares * unitsPerShare when the house is the entitled total", () => {
    fc.assert(
      fc.property(sharesArb, fc.integer({ min: 1, max: 9 }), (shares, unitsPerShare) => {
        const total = shares.reduce((sum, s) => sum + s, 0);
        expect(Array.from(apportion(holdersOf(shares), total * unitsPerShare))).toEqual(
          shares.map((s) => s * unitsPerShare),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it("matches the reference with share counts up to 10⁹: ties, skew and near-equal giants", () => {
    const giant = fc.oneof(
      fc.integer({ min: 1, max: 1_000_000_000 }),
      fc.constantFrom(1, 999_999_999, 1_000_000_000),
    );
    fc.assert(
      fc.property(
        fc.array(giant, { minLength: 1, maxLength: 5 }).chain((shares) =>
          // Repeat some holdings so equal giant counts (ties between groups) are common.
          fc.subarray(shares).map((again) => [...shares, ...again]),
        ),
        fc.integer({ min: 0, max: 400 }),
        (shares, house) => {
          expect(Array.from(apportion(holdersOf(shares), house))).toEqual(
            referenceQuotaMethod(shares, house),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("breaks ties by the given order", () => {
    expect(Array.from(apportion(holdersOf([1, 1, 1]), 2))).toEqual([1, 1, 0]);
    // 2 shares at level 1 ties 1 share at level 0 (priority 1): the earlier one wins.
    expect(Array.from(apportion(holdersOf([1, 2]), 2))).toEqual([1, 1]);
    expect(Array.from(apportion(holdersOf([2, 1]), 2))).toEqual([2, 0]);
  });

  it("divides a large house among many holders quickly, within quota", () => {
    const shares = Array.from({ length: 200_000 }, (_, i) => 1 + ((i * 7919) % 5));
    const total = shares.reduce((sum, s) => sum + s, 0);
    const house = Math.floor(total * 3.7);
    const units = apportion(holdersOf(shares), house);
    let sum = 0;
    let outsideQuota = 0;
    shares.forEach((s, i) => {
      const a = units[i] as number;
      sum += a;
      // floor(q) <= a <= ceil(q) with q = s * house / total, in integers
      if (a * total <= s * house - total || a * total >= s * house + total) outsideQuota += 1;
    });
    expect(sum).toBe(house);
    expect(outsideQuota).toBe(0);
  });

  it("refuses to shrink the house, non-positive shares and houses beyond exact arithmetic", () => {
    const apportioner = quotaApportioner(holdersOf([1, 2]));
    apportioner.advanceTo(3);
    expect(() => apportioner.advanceTo(2)).toThrow(RangeError);
    expect(() => apportion(holdersOf([1, 0]), 1)).toThrow(RangeError);
    expect(() => apportion(holdersOf([1, 1.5]), 1)).toThrow(RangeError);
    expect(() => apportion([], 1)).toThrow(RangeError);
    expect(apportion([], 0)).toEqual(new Int32Array(0));
    expect(() => apportion(holdersOf([1]), maxApportionableHouse(1, 1) + 1)).toThrow(RangeError);
    expect(() => apportion(holdersOf([3, 1]), maxApportionableHouse(4, 3) + 1)).toThrow(RangeError);
  });
});
