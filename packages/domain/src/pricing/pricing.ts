import * as E from "fp-ts/lib/Either.js";
import type { Yen } from "../money/money.ts";
import type { Plan, PriceTerms } from "../plans/plan.ts";
import type { PriceLine, Quote } from "../reservations/ownership.ts";
import { type DomainError, fail } from "../shared/errors.ts";
import { type Instant, isInstant, millisOf } from "../shared/time.ts";
import { type FeeError, platformFee } from "./fees.ts";
import { temperatureSurcharge } from "./temperature-surcharge.ts";

/** One failing field of the price terms, by path (`tiers[1].priceYen`). */
export interface PriceTermsIssue {
  readonly field: string;
  readonly message: string;
}

const isYenAmount = (value: unknown): value is Yen =>
  typeof value === "number" && Number.isSafeInteger(value) && value >= 0;

/**
 * The producer's price rules: yen are safe non-negative integers, a tier never costs more than
 * the base price (tiers are discounts), firstShares counts are positive integers, early-bird
 * deadlines are instants, and at least one shipping region exists (a region absent from the
 * surcharges cannot be shipped to). Every failing field is reported at once in
 * `details.fields`; `details.field` names the first.
 */
export const validatePriceTerms = (
  terms: PriceTerms,
): E.Either<DomainError<"PRICING.INVALID">, PriceTerms> => {
  const issues: PriceTermsIssue[] = [];
  const issue = (field: string, message: string) => issues.push({ field, message });
  const yenMessage = "must be a whole, non-negative number of yen";

  const base = terms.basePriceYen;
  const baseValid = isYenAmount(base);
  if (!baseValid) issue("basePriceYen", yenMessage);

  const tiers = Array.isArray(terms.tiers) ? terms.tiers : [];
  if (!Array.isArray(terms.tiers)) issue("tiers", "must be a list");
  tiers.forEach((tier, i) => {
    const at = `tiers[${i}]`;
    if (!isYenAmount(tier.priceYen)) issue(`${at}.priceYen`, yenMessage);
    else if (baseValid && tier.priceYen > base)
      issue(`${at}.priceYen`, "must not exceed basePriceYen (a tier is a discount)");
    if (tier.kind === "earlyBird") {
      if (typeof tier.until !== "string" || !isInstant(tier.until))
        issue(`${at}.until`, "must be an ISO 8601 instant (YYYY-MM-DDTHH:mm:ss.sssZ)");
    } else if (tier.kind === "firstShares") {
      if (!Number.isSafeInteger(tier.count) || tier.count < 1)
        issue(`${at}.count`, "must be a whole number of at least 1");
    } else issue(`${at}.kind`, "must be earlyBird or firstShares");
  });

  const surcharges =
    typeof terms.shippingSurchargeYen === "object" && terms.shippingSurchargeYen !== null
      ? Object.entries(terms.shippingSurchargeYen)
      : [];
  if (surcharges.length === 0)
    issue("shippingSurchargeYen", "must list at least one shipping region");
  for (const [region, amount] of surcharges) {
    if (region.trim().length === 0) issue("shippingSurchargeYen", "region names must not be empty");
    if (!isYenAmount(amount)) issue(`shippingSurchargeYen.${region}`, yenMessage);
  }

  const first = issues[0];
  return first === undefined
    ? E.right(terms)
    : fail("PRICING.INVALID", `invalid price terms: ${first.field} ${first.message}`, {
        field: first.field,
        fields: issues,
      });
};

export interface QuoteInput {
  /** logistics and unitsPerShare decide the クール便 surcharge (none without logistics). */
  readonly plan: Pick<Plan, "pricing" | "platformFeeBps" | "totalShares"> &
    Partial<Pick<Plan, "logistics" | "unitsPerShare">>;
  readonly shares: number;
  readonly shippingRegion: string;
  /** When the reservation is made: decides early-bird tiers. */
  readonly at: Instant;
  /** Shares sold on the plan before this reservation: decides firstShares tiers. */
  readonly sharesSoldBefore: number;
}

export type QuoteError =
  | FeeError
  | DomainError<
      | "RESERVATION.INVALID_SHARES"
      | "VALIDATION.INVALID"
      | "PRICING.UNKNOWN_REGION"
      | "PLAN.SOLD_OUT"
      | "MONEY.NOT_SAFE_INTEGER"
    >;

type PriceChoice = Pick<PriceLine, "unitPriceYen" | "reason">;

/**
 * The price of share number `n` (1-based, in sale order): the lowest applicable price wins.
 * On equal prices the base price is named first, then earlyBird, then firstShares, so a tier
 * that offers no discount is not presented as one.
 */
const priceOfShare = (terms: PriceTerms, atMs: number, n: number): PriceChoice => {
  let best: PriceChoice = { unitPriceYen: terms.basePriceYen, reason: "base" };
  for (const tier of terms.tiers)
    if (
      tier.kind === "earlyBird" &&
      atMs < millisOf(tier.until) &&
      tier.priceYen < best.unitPriceYen
    )
      best = { unitPriceYen: tier.priceYen, reason: "earlyBird" };
  for (const tier of terms.tiers)
    if (tier.kind === "firstShares" && n <= tier.count && tier.priceYen < best.unitPriceYen)
      best = { unitPriceYen: tier.priceYen, reason: "firstShares" };
  return best;
};

/**
 * Price lines for share numbers first..last. The applicable tiers only change just after a
 * firstShares count, so the range is cut there and each piece priced once: the work depends
 * on the number of tiers, not on the number of shares.
 */
const priceLines = (terms: PriceTerms, atMs: number, first: number, last: number): PriceLine[] => {
  const cuts = [
    ...new Set(
      terms.tiers.flatMap((t) =>
        t.kind === "firstShares" && t.count >= first && t.count < last ? [t.count] : [],
      ),
    ),
  ].sort((a, b) => a - b);
  cuts.push(last);

  // Merged per (price, reason) in the order each first appears, i.e. sale order.
  const merged = new Map<string, { shares: number; choice: PriceChoice }>();
  let from = first;
  for (const to of cuts) {
    const choice = priceOfShare(terms, atMs, to);
    const key = `${choice.unitPriceYen}|${choice.reason}`;
    const line = merged.get(key);
    if (line) line.shares += to - from + 1;
    else merged.set(key, { shares: to - from + 1, choice });
    from = to + 1;
  }
  return [...merged.values()].map(({ shares, choice }) => ({ shares, ...choice }));
};

/**
 * The price of a reservation, to be locked on the ownership. Each share gets its lowest
 * applicable price, so one reservation can straddle a firstShares boundary and be split into
 * lines. Shipping is the region's surcharge per share, plus a chilled/frozen plan's surcharge per
 * box as its own line; the platform fee is on the whole total.
 */
export const quote = (input: QuoteInput): E.Either<QuoteError, Quote> => {
  const { plan, shares, shippingRegion, at, sharesSoldBefore } = input;
  if (!Number.isSafeInteger(shares) || shares < 1)
    return fail("RESERVATION.INVALID_SHARES", "shares must be a whole number of at least 1", {
      shares,
    });
  if (!Number.isSafeInteger(sharesSoldBefore) || sharesSoldBefore < 0)
    return fail("VALIDATION.INVALID", "sharesSoldBefore must be a whole number of at least 0", {
      field: "sharesSoldBefore",
      value: sharesSoldBefore,
    });
  const atMs = typeof at === "string" ? millisOf(at) : Number.NaN;
  if (Number.isNaN(atMs))
    return fail("VALIDATION.INVALID", "at must be an ISO 8601 instant", { field: "at", value: at });

  const terms = validatePriceTerms(plan.pricing);
  if (E.isLeft(terms)) return terms;
  const pricing = terms.right;

  // Own-property lookup: "toString" or "__proto__" are not shipping regions.
  const surcharge = Object.hasOwn(pricing.shippingSurchargeYen, shippingRegion)
    ? pricing.shippingSurchargeYen[shippingRegion]
    : undefined;
  if (surcharge === undefined)
    return fail("PRICING.UNKNOWN_REGION", `the plan does not ship to ${shippingRegion}`, {
      shippingRegion,
      regions: Object.keys(pricing.shippingSurchargeYen),
    });

  // Share numbers beyond the plan's total do not exist; the caller should not quote them.
  if (sharesSoldBefore + shares > plan.totalShares)
    return fail("PLAN.SOLD_OUT", "not enough shares left on the plan for this quote", {
      totalShares: plan.totalShares,
      sharesSoldBefore,
      requested: shares,
    });

  const lines = priceLines(pricing, atMs, sharesSoldBefore + 1, sharesSoldBefore + shares);
  // Every term is non-negative, so if the total is a safe integer every partial sum was exact.
  const sharesYen = lines.reduce((sum, line) => sum + line.shares * line.unitPriceYen, 0);
  const shippingYen = surcharge * shares;
  const cool = temperatureSurcharge(plan, shares);
  const totalYen = sharesYen + shippingYen + (cool?.yen ?? 0);
  if (!Number.isSafeInteger(totalYen))
    return fail("MONEY.NOT_SAFE_INTEGER", "the quote total is too large to be exact", {
      shares,
    });

  const fee = platformFee(totalYen as Yen, plan.platformFeeBps);
  if (E.isLeft(fee)) return fee;
  return E.right({
    shares,
    lines,
    sharesYen: sharesYen as Yen,
    shippingRegion,
    shippingYen: shippingYen as Yen,
    ...(cool === undefined ? {} : { temperatureSurcharge: cool }),
    totalYen: totalYen as Yen,
    feeYen: fee.right.feeYen,
    payoutYen: fee.right.payoutYen,
  });
};
