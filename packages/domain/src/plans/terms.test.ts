import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { yen } from "../money/money.ts";
import { fieldNamesOf, leftOf, rawTerms, rightOf, T } from "./terms.fixtures.ts";
import {
  changedTermFields,
  MAX_SHARES_PER_OWNER,
  type RawPlanTerms,
  validatePlanTerms,
} from "./terms.ts";

const failingFields = (raw: RawPlanTerms): string[] => {
  const error = leftOf(validatePlanTerms(raw));
  expect(error._tag).toBe("PLAN.INVALID");
  return fieldNamesOf(error);
};

describe("validatePlanTerms", () => {
  it("accepts valid terms and normalises text and instants", () => {
    const terms = rightOf(
      validatePlanTerms(
        rawTerms({
          title: "  Figs  ",
          salesWindow: { opensAt: "2026-06-01T09:00:00+09:00", closesAt: T.closes },
        }),
      ),
    );
    expect(terms.title).toBe("Figs");
    expect(terms.salesWindow).toEqual({ opensAt: T.opens, closesAt: T.closes });
    expect(terms.pricing.basePriceYen).toBe(5000);
    // Left out, a plan holds unpaid shares for the default time.
    expect(terms.paymentHoldMinutes).toBe(30);
    expect(
      rightOf(validatePlanTerms(rawTerms({ paymentHoldMinutes: 4320 }))).paymentHoldMinutes,
    ).toBe(4320);
  });

  it("normalises early-bird instants so pricing.ts accepts them", () => {
    const terms = rightOf(
      validatePlanTerms(
        rawTerms({
          pricing: {
            basePriceYen: 5000,
            tiers: [{ kind: "earlyBird", until: "2026-06-10T09:00:00+09:00", priceYen: 4000 }],
            shippingSurchargeYen: { kanto: 0 },
          },
        }),
      ),
    );
    expect(terms.pricing.tiers).toEqual([{ kind: "earlyBird", until: T.during, priceYen: 4000 }]);
  });

  it("is idempotent: validated terms validate to themselves", () => {
    const once = rightOf(validatePlanTerms(rawTerms()));
    expect(validatePlanTerms(once)).toEqual(E.right(once));
  });

  const wsp = "   ";
  const cases: [string, Partial<RawPlanTerms>, string][] = [
    ["blank title", { title: wsp }, "title"],
    ["long title", { title: "x".repeat(101) }, "title"],
    ["blank story", { story: "" }, "story"],
    ["long story", { story: "x".repeat(5001) }, "story"],
    ["blank category", { category: wsp }, "category"],
    ["blank region", { region: "" }, "region"],
    ["long unit label", { unitLabel: "x".repeat(21) }, "unitLabel"],
    ["zero units per share", { unitsPerShare: 0 }, "unitsPerShare"],
    ["fractional total shares", { totalShares: 10.5 }, "totalShares"],
    ["zero max per owner", { maxSharesPerOwner: 0 }, "maxSharesPerOwner"],
    ["max per owner above total", { totalShares: 3, maxSharesPerOwner: 4 }, "maxSharesPerOwner"],
    [
      "max per owner above the cap",
      { totalShares: 500, maxSharesPerOwner: 101 },
      "maxSharesPerOwner",
    ],
    ["zero ship capacity", { shipCapacityPerDay: 0 }, "shipCapacityPerDay"],
    ["negative bonus cap", { surplusBonusCapUnits: -1 }, "surplusBonusCapUnits"],
    ["NaN bonus cap", { surplusBonusCapUnits: Number.NaN }, "surplusBonusCapUnits"],
    ["hold shorter than a checkout", { paymentHoldMinutes: 29 }, "paymentHoldMinutes"],
    ["hold longer than a week", { paymentHoldMinutes: 7 * 24 * 60 + 1 }, "paymentHoldMinutes"],
    ["fractional hold", { paymentHoldMinutes: 30.5 }, "paymentHoldMinutes"],
    [
      "entitled units beyond safe integers",
      { unitsPerShare: 2 ** 40, totalShares: 2 ** 20, maxSharesPerOwner: 1 },
      "unitsPerShare",
    ],
    [
      "bad opensAt",
      { salesWindow: { opensAt: "June", closesAt: T.closes } },
      "salesWindow.opensAt",
    ],
    [
      "close not after open",
      { salesWindow: { opensAt: T.closes, closesAt: T.closes } },
      "salesWindow.closesAt",
    ],
    [
      "early access not before open",
      {
        salesWindow: { opensAt: T.opens, closesAt: T.closes, returningOwnersOpenAt: T.opens },
      },
      "salesWindow.returningOwnersOpenAt",
    ],
    [
      "cancellation after close",
      { cancellationDeadline: "2026-07-01T00:00:00.001Z" },
      "cancellationDeadline",
    ],
    ["bad cancellation deadline", { cancellationDeadline: "" }, "cancellationDeadline"],
    [
      "delivery ends before it starts",
      { deliveryWindow: { from: "2026-08-10", to: "2026-08-09" } },
      "deliveryWindow.to",
    ],
    [
      // closesAt 2026-07-01T00:00Z is 09:00 on 1 July in Japan: 30 June is before that day.
      "delivery before the day sales close",
      { deliveryWindow: { from: "2026-06-30", to: "2026-08-09" } },
      "deliveryWindow.from",
    ],
    [
      "impossible date",
      { deliveryWindow: { from: "2026-02-30", to: "2026-08-09" } },
      "deliveryWindow.from",
    ],
    ["unknown risk terms", { riskTerms: "maybe" }, "riskTerms"],
    ["empty photo key", { photoKeys: [" "] }, "photoKeys[0]"],
    ["too many photos", { photoKeys: Array.from({ length: 21 }, (_, i) => `p${i}`) }, "photoKeys"],
    [
      "negative base price",
      { pricing: { ...rawTerms().pricing, basePriceYen: -1 } },
      "pricing.basePriceYen",
    ],
    [
      "fractional base price",
      { pricing: { ...rawTerms().pricing, basePriceYen: 99.5 } },
      "pricing.basePriceYen",
    ],
    [
      "negative tier price",
      {
        pricing: {
          ...rawTerms().pricing,
          tiers: [{ kind: "firstShares", count: 10, priceYen: -5 }],
        },
      },
      "pricing.tiers[0].priceYen",
    ],
    [
      "zero first-shares count",
      {
        pricing: {
          ...rawTerms().pricing,
          tiers: [{ kind: "firstShares", count: 0, priceYen: 4000 }],
        },
      },
      "pricing.tiers[0].count",
    ],
    [
      "bad early-bird date",
      {
        pricing: {
          ...rawTerms().pricing,
          tiers: [{ kind: "earlyBird", until: "soon", priceYen: 4000 }],
        },
      },
      "pricing.tiers[0].until",
    ],
    [
      "a tier dearer than the base price (pricing.ts's rule)",
      {
        pricing: {
          ...rawTerms().pricing,
          tiers: [{ kind: "firstShares", count: 10, priceYen: 6000 }],
        },
      },
      "pricing.tiers[0].priceYen",
    ],
    [
      "no shipping region",
      { pricing: { ...rawTerms().pricing, shippingSurchargeYen: {} } },
      "pricing.shippingSurchargeYen",
    ],
    [
      "negative surcharge",
      { pricing: { ...rawTerms().pricing, shippingSurchargeYen: { kanto: -100 } } },
      "pricing.shippingSurchargeYen.kanto",
    ],
    [
      "revenue beyond safe integers",
      {
        pricing: { ...rawTerms().pricing, basePriceYen: Number.MAX_SAFE_INTEGER - 1 },
      },
      "pricing.basePriceYen",
    ],
  ];

  it.each(cases)("rejects %s with PLAN.INVALID naming the field", (_, overrides, field) => {
    expect(failingFields(rawTerms(overrides))).toEqual([field]);
  });

  it("collects every failing field at once", () => {
    const fields = failingFields(
      rawTerms({
        title: "",
        totalShares: 0,
        riskTerms: "none",
        cancellationDeadline: "2027-01-01T00:00:00.000Z",
        pricing: { ...rawTerms().pricing, basePriceYen: -1 },
      }),
    );
    expect(fields.sort()).toEqual(
      ["title", "totalShares", "riskTerms", "cancellationDeadline", "pricing.basePriceYen"].sort(),
    );
  });

  it("accepts the quantities exactly when they are positive integers with max <= total", () => {
    const quantity = fc.oneof(
      fc.integer({ min: -3, max: 120 }),
      fc.constantFrom(0.5, Number.NaN, Number.POSITIVE_INFINITY),
    );
    fc.assert(
      fc.property(quantity, quantity, quantity, (unitsPerShare, totalShares, max) => {
        const result = validatePlanTerms(
          rawTerms({ unitsPerShare, totalShares, maxSharesPerOwner: max }),
        );
        const positive = (n: number) => Number.isInteger(n) && n >= 1;
        const expected =
          positive(unitsPerShare) &&
          positive(totalShares) &&
          positive(max) &&
          max <= totalShares &&
          max <= MAX_SHARES_PER_OWNER;
        expect(E.isRight(result)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe("changedTermFields", () => {
  it("compares structurally, ignoring key order", () => {
    const a = rightOf(validatePlanTerms(rawTerms()));
    const reordered = {
      ...a,
      pricing: {
        shippingSurchargeYen: { kansai: yen(600), kanto: yen(800) },
        tiers: a.pricing.tiers,
        basePriceYen: a.pricing.basePriceYen,
      },
    };
    expect(changedTermFields(a, reordered)).toEqual([]);
    expect(changedTermFields(a, { ...a, title: "Other", photoKeys: [] })).toEqual([
      "title",
      "photoKeys",
    ]);
  });
});
