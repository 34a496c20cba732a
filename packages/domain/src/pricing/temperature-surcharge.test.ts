import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { type Yen, yen } from "../money/money.ts";
import type { PriceTerms } from "../plans/plan.ts";
import { instant } from "../shared/time.ts";
import { defaultPlanLogistics, type PlanLogistics } from "../shipping/logistics.ts";
import { type QuoteInput, quote } from "./pricing.ts";
import { boxesForShares } from "./temperature-surcharge.ts";

const PRICING: PriceTerms = {
  basePriceYen: yen(5000),
  tiers: [],
  shippingSurchargeYen: { kanto: yen(800) },
};

const logistics = (over: Partial<PlanLogistics>): PlanLogistics => ({
  ...defaultPlanLogistics({ region: "長野県" }),
  ...over,
});

const input = (shares: number, plan: Partial<QuoteInput["plan"]> = {}): QuoteInput => ({
  plan: { pricing: PRICING, platformFeeBps: 1000, totalShares: 100, unitsPerShare: 4, ...plan },
  shares,
  shippingRegion: "kanto",
  at: instant("2026-10-01T00:00:00.000Z"),
  sharesSoldBefore: 0,
});

const ok = <T>(result: E.Either<unknown, T>): T => {
  if (E.isLeft(result)) throw new Error(`expected success, got ${JSON.stringify(result.left)}`);
  return result.right;
};

describe("temperature surcharge in the quote", () => {
  it("adds a chilled plan's surcharge per box as its own line, in the total, fee and payout", () => {
    const q = ok(
      quote(
        input(3, {
          logistics: logistics({ temperature: "chilled", surchargeYenPerBox: yen(275) }),
        }),
      ),
    );
    expect(q.temperatureSurcharge).toEqual({
      temperature: "chilled",
      boxes: 3,
      yenPerBox: 275,
      yen: 825,
    });
    expect(q).toMatchObject({
      sharesYen: 15000,
      shippingYen: 2400,
      totalYen: 18225,
      feeYen: 1822,
      payoutYen: 16403,
    });
  });

  it("boxes follow the schedule's rule: ceil(shares x unitsPerShare / unitsPerBox)", () => {
    expect(boxesForShares(3, 4)).toBe(3); // one share's entitlement per box by default
    expect(boxesForShares(3, 4, 5)).toBe(3); // 12 units in boxes of 5
    expect(boxesForShares(3, 4, 6)).toBe(2);
    expect(boxesForShares(1, 4, 10)).toBe(1);
  });

  it("total = shares price + shipping + surcharge line; fee + payout = total", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 50 }),
        fc.constantFrom("ambient" as const, "chilled" as const, "frozen" as const),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (shares, unitsPerShare, temperature, perBox, bps) => {
          const plan = {
            unitsPerShare,
            platformFeeBps: bps,
            logistics: logistics({ temperature, surchargeYenPerBox: perBox as Yen }),
          };
          const q = ok(quote(input(shares, plan)));
          const cool = q.temperatureSurcharge?.yen ?? 0;
          expect(q.totalYen).toBe(q.sharesYen + q.shippingYen + cool);
          expect(q.feeYen + q.payoutYen).toBe(q.totalYen);
          if (temperature === "ambient" || perBox === 0)
            expect(q.temperatureSurcharge).toBeUndefined();
          else
            expect(q.temperatureSurcharge).toEqual({
              temperature,
              boxes: shares,
              yenPerBox: perBox,
              yen: perBox * Math.ceil((shares * unitsPerShare) / unitsPerShare),
            });
          // Without logistics (a plan that never set them) the quote is exactly as before.
          const { temperatureSurcharge: _, ...rest } = q;
          const bare = ok(quote(input(shares, { unitsPerShare, platformFeeBps: bps })));
          expect(bare.totalYen).toBe(rest.sharesYen + rest.shippingYen);
          expect(bare.temperatureSurcharge).toBeUndefined();
        },
      ),
      { numRuns: 500 },
    );
  });

  it("an ambient plan is never surcharged, even with a per-box amount set", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 10_000 }),
        (shares, perBox) => {
          const q = ok(
            quote(
              input(shares, {
                logistics: logistics({ temperature: "ambient", surchargeYenPerBox: perBox as Yen }),
              }),
            ),
          );
          expect(q.temperatureSurcharge).toBeUndefined();
          expect(q.totalYen).toBe(q.sharesYen + q.shippingYen);
        },
      ),
    );
  });
});
