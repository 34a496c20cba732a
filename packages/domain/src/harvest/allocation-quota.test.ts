import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apportion, maxApportionableHouse, quotaApportioner } from "./allocation-quota.ts";

/**
 * The quota method as Balinski & Young state it: one unit at a time, to the eligible holder
 * with the largest shares / (a + 1), ties to the earlier holder. Slow and obviously faithful.
 */
const referenceQuotaMethod = (shares: readonly number[], house: number): number[] => {
  const total = shares.reduce((sum, s) => sum + s, 0);
  const units = shares.map(() => 0);
  for (let h = 0; h < house; h++) {
    let best = -1;
    for (let i = 0; i < shares.length; i++) {
      const s = shares[i] as number;
      const a = units[i] as number;
      // a + 1 <= ceil(s (h + 1) / S)  <=>  a * S < s * (h + 1)
      if (a * total >= s * (h + 1)) continue;
      if (best < 0) {
        best = i;
        continue;
      }
      const sb = shares[best] as number;
      const ab = units[best] as number;
      if (s * (ab + 1) > sb * (a + 1)) best = i;
    }
    if (best < 0) throw new Error("reference: nobody eligible");
    units[best] = (units[best] as number) + 1;
  }
  return units;
};

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
