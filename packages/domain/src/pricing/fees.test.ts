import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { type Yen, yen } from "../money/money.ts";
import { platformFee, validateFeeBps } from "./fees.ts";

const tagOf = (result: E.Either<{ _tag: string }, unknown>) =>
  E.isLeft(result) ? result.left._tag : "right";

describe("platformFee", () => {
  it("rounds the fee down and gives the rest to the producer", () => {
    // 10% of 999 is 99.9: the platform takes 99, the producer 900.
    expect(platformFee(yen(999), 1000)).toEqual(E.right({ feeYen: 99, payoutYen: 900 }));
    expect(platformFee(yen(0), 1000)).toEqual(E.right({ feeYen: 0, payoutYen: 0 }));
    expect(platformFee(yen(5000), 0)).toEqual(E.right({ feeYen: 0, payoutYen: 5000 }));
    expect(platformFee(yen(5000), 10_000)).toEqual(E.right({ feeYen: 5000, payoutYen: 0 }));
  });

  it("fee + payout = amount and fee = floor(amount * bps / 10000), for any amount and rate", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: 10_000 }),
        (amount, bps) => {
          const split = platformFee(amount as Yen, bps);
          if (E.isLeft(split)) throw new Error("unexpected failure");
          const exact = (BigInt(amount) * BigInt(bps)) / 10_000n;
          expect(BigInt(split.right.feeYen)).toBe(exact);
          expect(split.right.feeYen + split.right.payoutYen).toBe(amount);
          expect(split.right.payoutYen).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("stays exact where a float division would round up across an integer", () => {
    // Math.floor(amount * bps / 10000) gives 7693137019997263 here, one yen too many.
    const amount = 8_661_491_803_644_745;
    const split = platformFee(amount as Yen, 8882);
    expect(E.isRight(split) && split.right.feeYen).toBe(7_693_137_019_997_262);
  });

  it("rejects a fee rate that is not a whole number of basis points 0..10000 (PRICING.INVALID)", () => {
    for (const bps of [-1, 10_001, 2.5, Number.NaN]) {
      const result = platformFee(yen(1000), bps);
      expect(tagOf(result)).toBe("PRICING.INVALID");
      expect(E.isLeft(result) && result.left.details).toMatchObject({ field: "platformFeeBps" });
    }
    expect(validateFeeBps(250)).toEqual(E.right(250));
  });

  it("rejects negative and unsafe amounts (MONEY.NEGATIVE, MONEY.NOT_SAFE_INTEGER)", () => {
    expect(tagOf(platformFee(-1 as Yen, 1000))).toBe("MONEY.NEGATIVE");
    expect(tagOf(platformFee(0.5 as Yen, 1000))).toBe("MONEY.NOT_SAFE_INTEGER");
    expect(tagOf(platformFee((Number.MAX_SAFE_INTEGER + 1) as Yen, 1000))).toBe(
      "MONEY.NOT_SAFE_INTEGER",
    );
  });
});
