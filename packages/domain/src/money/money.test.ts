import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { nonNegativeYen, sumYen, yen, yenFrom } from "./money.ts";

describe("money", () => {
  it("accepts safe integers and rejects fractions and unsafe values", () => {
    expect(yenFrom(1200)).toEqual(E.right(1200));
    expect(E.isLeft(yenFrom(0.5))).toBe(true);
    expect(E.isLeft(yenFrom(Number.MAX_SAFE_INTEGER + 1))).toBe(true);
    expect(E.isLeft(yenFrom(Number.NaN))).toBe(true);
  });

  it("rejects negative prices with MONEY.NEGATIVE", () => {
    const result = nonNegativeYen(-1);
    expect(E.isLeft(result) && result.left._tag).toBe("MONEY.NEGATIVE");
  });

  it("sums like integer addition", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 })), (values) => {
        expect(sumYen(values.map(yen))).toBe(values.reduce((a, b) => a + b, 0));
      }),
      { numRuns: 1000 },
    );
  });

  it("throws when arithmetic would leave safe integers (a bug, not a business outcome)", () => {
    expect(() => sumYen([yen(Number.MAX_SAFE_INTEGER), yen(1)])).toThrow(RangeError);
  });
});
