import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { type Yen, yen } from "../money/money.ts";
import type { PriceTerms, PriceTier } from "../plans/plan.ts";
import type { PriceLine } from "../reservations/ownership.ts";
import { type Instant, instant, instantFromMillis } from "../shared/time.ts";
import { type QuoteInput, quote, validatePriceTerms } from "./pricing.ts";

const tagOf = (result: E.Either<{ _tag: string }, unknown>) =>
  E.isLeft(result) ? result.left._tag : "right";

const NOV_1 = instant("2026-11-01T00:00:00.000Z");
const OCT_1 = instant("2026-10-01T00:00:00.000Z");

const terms = (over: Partial<PriceTerms> = {}): PriceTerms => ({
  basePriceYen: yen(1000),
  tiers: [],
  shippingSurchargeYen: { kanto: yen(100), hokkaido: yen(300) },
  ...over,
});

const input = (over: Partial<QuoteInput> = {}, pricing: PriceTerms = terms()): QuoteInput => ({
  plan: { pricing, platformFeeBps: 1000, totalShares: 100 },
  shares: 3,
  shippingRegion: "kanto",
  at: OCT_1,
  sharesSoldBefore: 0,
  ...over,
});

const ok = <T>(result: E.Either<unknown, T>): T => {
  if (E.isLeft(result)) throw new Error(`expected success, got ${JSON.stringify(result.left)}`);
  return result.right;
};

describe("quote: examples", () => {
  it("prices every share at the base price without tiers, plus shipping and the fee", () => {
    expect(ok(quote(input({ shares: 3, shippingRegion: "hokkaido" })))).toEqual({
      shares: 3,
      lines: [{ shares: 3, unitPriceYen: 1000, reason: "base" }],
      sharesYen: 3000,
      shippingRegion: "hokkaido",
      shippingYen: 900,
      totalYen: 3900,
      feeYen: 390,
      payoutYen: 3510,
    });
  });

  it("applies an early-bird price strictly before its deadline", () => {
    const pricing = terms({ tiers: [{ kind: "earlyBird", until: NOV_1, priceYen: yen(800) }] });
    expect(ok(quote(input({ at: OCT_1 }, pricing))).lines).toEqual([
      { shares: 3, unitPriceYen: 800, reason: "earlyBird" },
    ]);
    expect(ok(quote(input({ at: NOV_1 }, pricing))).lines).toEqual([
      { shares: 3, unitPriceYen: 1000, reason: "base" },
    ]);
  });

  it("splits a reservation that straddles a firstShares boundary", () => {
    const pricing = terms({ tiers: [{ kind: "firstShares", count: 10, priceYen: yen(700) }] });
    const q = ok(quote(input({ shares: 5, sharesSoldBefore: 8 }, pricing)));
    expect(q.lines).toEqual([
      { shares: 2, unitPriceYen: 700, reason: "firstShares" },
      { shares: 3, unitPriceYen: 1000, reason: "base" },
    ]);
    expect(q.sharesYen).toBe(2 * 700 + 3 * 1000);
    expect(q.totalYen).toBe(4400 + 500);
  });

  it("lets the lowest applicable price win per share and merges equal (price, reason) lines", () => {
    const pricing = terms({
      tiers: [
        { kind: "firstShares", count: 2, priceYen: yen(600) },
        { kind: "firstShares", count: 4, priceYen: yen(600) },
        { kind: "earlyBird", until: NOV_1, priceYen: yen(850) },
        { kind: "firstShares", count: 6, priceYen: yen(900) },
      ],
    });
    expect(ok(quote(input({ shares: 8 }, pricing))).lines).toEqual([
      { shares: 4, unitPriceYen: 600, reason: "firstShares" },
      { shares: 4, unitPriceYen: 850, reason: "earlyBird" },
    ]);
  });

  it("names the base price when a tier offers no discount, and earlyBird before firstShares", () => {
    const pricing = terms({
      tiers: [
        { kind: "firstShares", count: 5, priceYen: yen(1000) },
        { kind: "firstShares", count: 3, priceYen: yen(900) },
        { kind: "earlyBird", until: NOV_1, priceYen: yen(900) },
      ],
    });
    expect(ok(quote(input({ shares: 2 }, pricing))).lines).toEqual([
      { shares: 2, unitPriceYen: 900, reason: "earlyBird" },
    ]);
    expect(ok(quote(input({ shares: 2, at: NOV_1 }, pricing))).lines).toEqual([
      { shares: 2, unitPriceYen: 900, reason: "firstShares" },
    ]);
    expect(ok(quote(input({ shares: 2, at: NOV_1, sharesSoldBefore: 3 }, pricing))).lines).toEqual([
      { shares: 2, unitPriceYen: 1000, reason: "base" },
    ]);
  });

  it("quotes the very last share and a free plan", () => {
    expect(ok(quote(input({ shares: 1, sharesSoldBefore: 99 }))).totalYen).toBe(1100);
    const free = terms({ basePriceYen: yen(0), shippingSurchargeYen: { kanto: yen(0) } });
    expect(ok(quote(input({}, free)))).toMatchObject({ totalYen: 0, feeYen: 0, payoutYen: 0 });
  });
});

describe("quote: errors", () => {
  it("RESERVATION.INVALID_SHARES for zero, negative or fractional shares", () => {
    for (const shares of [0, -1, 1.5, Number.NaN])
      expect(tagOf(quote(input({ shares })))).toBe("RESERVATION.INVALID_SHARES");
  });

  it("VALIDATION.INVALID for a bad sharesSoldBefore or instant", () => {
    const sold = quote(input({ sharesSoldBefore: -1 }));
    expect(tagOf(sold)).toBe("VALIDATION.INVALID");
    expect(E.isLeft(sold) && sold.left.details).toMatchObject({ field: "sharesSoldBefore" });
    const at = quote(input({ at: "not a time" as Instant }));
    expect(E.isLeft(at) && at.left.details).toMatchObject({ field: "at" });
  });

  it("PRICING.UNKNOWN_REGION for a region the plan does not ship to, prototype names included", () => {
    for (const shippingRegion of ["okinawa", "toString", "__proto__", ""]) {
      const result = quote(input({ shippingRegion }));
      expect(tagOf(result)).toBe("PRICING.UNKNOWN_REGION");
      expect(E.isLeft(result) && result.left.details).toMatchObject({ shippingRegion });
    }
  });

  it("PLAN.SOLD_OUT when the quote would go past the plan's total shares", () => {
    const result = quote(input({ shares: 2, sharesSoldBefore: 99 }));
    expect(tagOf(result)).toBe("PLAN.SOLD_OUT");
    expect(E.isLeft(result) && result.left.details).toMatchObject({ totalShares: 100 });
  });

  it("PRICING.INVALID for invalid price terms or fee rate", () => {
    const tierAboveBase = terms({
      tiers: [{ kind: "earlyBird", until: NOV_1, priceYen: yen(2000) }],
    });
    expect(tagOf(quote(input({}, tierAboveBase)))).toBe("PRICING.INVALID");
    const badFee = {
      ...input(),
      plan: { pricing: terms(), platformFeeBps: 10_001, totalShares: 100 },
    };
    expect(tagOf(quote(badFee))).toBe("PRICING.INVALID");
  });

  it("MONEY.NOT_SAFE_INTEGER when the total cannot be exact", () => {
    const dear = terms({ basePriceYen: yen(Number.MAX_SAFE_INTEGER) });
    const result = quote({ ...input({ shares: 2 }, dear) });
    expect(tagOf(result)).toBe("MONEY.NOT_SAFE_INTEGER");
  });
});

describe("validatePriceTerms", () => {
  const fieldsOf = (pricing: PriceTerms) => {
    const result = validatePriceTerms(pricing);
    if (E.isRight(result)) return [];
    expect(result.left._tag).toBe("PRICING.INVALID");
    const fields = (result.left.details?.fields ?? []) as { field: string }[];
    return fields.map((f) => f.field);
  };

  it("accepts valid terms unchanged", () => {
    const valid = terms({
      tiers: [
        { kind: "earlyBird", until: NOV_1, priceYen: yen(900) },
        { kind: "firstShares", count: 10, priceYen: yen(1000) },
      ],
    });
    expect(validatePriceTerms(valid)).toEqual(E.right(valid));
  });

  it("names each failing field (PRICING.INVALID)", () => {
    expect(fieldsOf(terms({ basePriceYen: -1 as Yen }))).toEqual(["basePriceYen"]);
    expect(fieldsOf(terms({ basePriceYen: 10.5 as Yen }))).toEqual(["basePriceYen"]);
    expect(
      fieldsOf(terms({ tiers: [{ kind: "firstShares", count: 0, priceYen: yen(1001) }] })),
    ).toEqual(["tiers[0].priceYen", "tiers[0].count"]);
    expect(
      fieldsOf(
        terms({ tiers: [{ kind: "earlyBird", until: "soon" as Instant, priceYen: yen(1) }] }),
      ),
    ).toEqual(["tiers[0].until"]);
    expect(
      fieldsOf(terms({ tiers: [{ kind: "vip", priceYen: yen(1) } as unknown as PriceTier] })),
    ).toEqual(["tiers[0].kind"]);
    expect(fieldsOf(terms({ shippingSurchargeYen: {} }))).toEqual(["shippingSurchargeYen"]);
    expect(fieldsOf(terms({ shippingSurchargeYen: { kanto: -5 as Yen } }))).toEqual([
      "shippingSurchargeYen.kanto",
    ]);
    const first = validatePriceTerms(terms({ basePriceYen: -1 as Yen, shippingSurchargeYen: {} }));
    expect(E.isLeft(first) && first.left.details).toMatchObject({ field: "basePriceYen" });
  });
});

// ---------------------------------------------------------------- properties

const T0 = Date.parse("2026-09-01T00:00:00.000Z");
const DAY = 86_400_000;

const termsArb: fc.Arbitrary<PriceTerms> = fc.integer({ min: 0, max: 50_000 }).chain((base) =>
  fc.record({
    basePriceYen: fc.constant(base as Yen),
    tiers: fc.array(
      fc.oneof(
        fc.record({
          kind: fc.constant("earlyBird" as const),
          until: fc.integer({ min: 0, max: 60 }).map((d) => instantFromMillis(T0 + d * DAY)),
          priceYen: fc.integer({ min: 0, max: base }).map((p) => p as Yen),
        }),
        fc.record({
          kind: fc.constant("firstShares" as const),
          count: fc.integer({ min: 1, max: 40 }),
          priceYen: fc.integer({ min: 0, max: base }).map((p) => p as Yen),
        }),
      ),
      { maxLength: 4 },
    ),
    shippingSurchargeYen: fc.record({ kanto: fc.integer({ min: 0, max: 2000 }).map(yen) }),
  }),
);

const quoteArb: fc.Arbitrary<QuoteCase> = fc.record({
  pricing: termsArb,
  bps: fc.integer({ min: 0, max: 10_000 }),
  shares: fc.integer({ min: 1, max: 25 }),
  sharesSoldBefore: fc.integer({ min: 0, max: 50 }),
  at: fc.integer({ min: 0, max: 60 * 24 }).map((h) => instantFromMillis(T0 + h * 3_600_000)),
});

interface QuoteCase {
  readonly pricing: PriceTerms;
  readonly bps: number;
  readonly shares: number;
  readonly sharesSoldBefore: number;
  readonly at: Instant;
}

const quoteOf = (q: QuoteCase) =>
  ok(
    quote({
      plan: { pricing: q.pricing, platformFeeBps: q.bps, totalShares: 1000 },
      shares: q.shares,
      shippingRegion: "kanto",
      at: q.at,
      sharesSoldBefore: q.sharesSoldBefore,
    }),
  );

/** The rule as stated, one share at a time: the lowest applicable price. */
const referencePrice = (pricing: PriceTerms, at: Instant, n: number): number =>
  Math.min(
    pricing.basePriceYen,
    ...pricing.tiers.flatMap((t) =>
      (t.kind === "earlyBird" && at < t.until) || (t.kind === "firstShares" && n <= t.count)
        ? [t.priceYen]
        : [],
    ),
  );

const expandLines = (lines: readonly PriceLine[]) =>
  lines.flatMap((line) => Array.from({ length: line.shares }, () => line.unitPriceYen));

describe("quote: properties", () => {
  it("total = sum of lines + shipping; fee + payout = total; fee = floor(total * bps / 10000)", () => {
    fc.assert(
      fc.property(quoteArb, (q) => {
        const result = quoteOf(q);
        const linesYen = result.lines.reduce((s, l) => s + l.shares * l.unitPriceYen, 0);
        expect(result.sharesYen).toBe(linesYen);
        expect(result.shippingYen).toBe((q.pricing.shippingSurchargeYen.kanto ?? -1) * q.shares);
        expect(result.totalYen).toBe(linesYen + result.shippingYen);
        expect(result.feeYen + result.payoutYen).toBe(result.totalYen);
        expect(result.feeYen).toBe(Math.floor((result.totalYen * q.bps) / 10_000));
        expect(result.lines.reduce((s, l) => s + l.shares, 0)).toBe(q.shares);
      }),
      { numRuns: 2000 },
    );
  });

  it("prices each share, in sale order, at the lowest applicable price (per-share reference)", () => {
    fc.assert(
      fc.property(quoteArb, (q) => {
        const result = quoteOf(q);
        const expected = Array.from({ length: q.shares }, (_, i) =>
          referencePrice(q.pricing, q.at, q.sharesSoldBefore + i + 1),
        );
        // Prices never fall with sale order, so lines in sale order expand to the same list.
        expect(expandLines(result.lines)).toEqual(expected);
        const keys = result.lines.map((l) => `${l.unitPriceYen}|${l.reason}`);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 1000 },
    );
  });

  it("tier prices never raise the price of any share", () => {
    fc.assert(
      fc.property(quoteArb, (q) => {
        const withTiers = quoteOf(q);
        const without = quoteOf({ ...q, pricing: { ...q.pricing, tiers: [] } });
        for (const line of withTiers.lines)
          expect(line.unitPriceYen).toBeLessThanOrEqual(q.pricing.basePriceYen);
        expect(withTiers.sharesYen).toBeLessThanOrEqual(without.sharesYen);
        expect(without.sharesYen).toBe(q.pricing.basePriceYen * q.shares);
      }),
      { numRuns: 1000 },
    );
  });

  it("splitting a reservation in two at the same instant costs the same shares price", () => {
    fc.assert(
      fc.property(quoteArb, fc.nat(), (q, cut) => {
        const firstPart = 1 + (cut % q.shares);
        if (firstPart === q.shares) return;
        const whole = quoteOf(q);
        const a = quoteOf({ ...q, shares: firstPart });
        const b = quoteOf({
          ...q,
          shares: q.shares - firstPart,
          sharesSoldBefore: q.sharesSoldBefore + firstPart,
        });
        expect(a.sharesYen + b.sharesYen).toBe(whole.sharesYen);
      }),
      { numRuns: 1000 },
    );
  });
});
