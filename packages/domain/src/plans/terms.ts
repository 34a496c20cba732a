import * as E from "fp-ts/lib/Either.js";
import {
  DEFAULT_EXPERIENCE_SEATS_PER_OWNER,
  EXPERIENCE_CAPACITY_MAX,
} from "../experiences/experience.ts";
import { validatePriceTerms } from "../pricing/pricing.ts";
import {
  DEFAULT_PAYMENT_HOLD_MINUTES,
  MAX_PAYMENT_HOLD_MINUTES,
  MIN_PAYMENT_HOLD_MINUTES,
} from "../reservations/payment-transitions.ts";
import { type DomainError, fail } from "../shared/errors.ts";
import {
  type Instant,
  japanDayOf,
  type LocalDate,
  parseInstant,
  parseLocalDate,
} from "../shared/time.ts";
import type { PlanTerms, PriceTerms, RiskTerms } from "./plan.ts";

/**
 * Plan terms as a producer submits them: same shape as PlanTerms but with plain strings and
 * numbers, not yet checked. A PlanTerms value is also a RawPlanTerms, so validated terms can be
 * re-validated after a patch.
 */
export interface RawPlanTerms {
  readonly title: string;
  readonly story: string;
  readonly category: string;
  readonly region: string;
  readonly unitLabel: string;
  readonly unitsPerShare: number;
  readonly totalShares: number;
  readonly maxSharesPerOwner: number;
  readonly salesWindow: {
    readonly opensAt: string;
    readonly closesAt: string;
    readonly returningOwnersOpenAt?: string | undefined;
  };
  readonly deliveryWindow: { readonly from: string; readonly to: string };
  readonly pricing: RawPriceTerms;
  readonly riskTerms: string;
  readonly cancellationDeadline: string;
  readonly shipCapacityPerDay: number;
  readonly surplusBonusCapUnits: number;
  readonly photoKeys?: readonly string[] | undefined;
  /** Minutes unpaid shares are held for the buyer; DEFAULT_PAYMENT_HOLD_MINUTES when left out. */
  readonly paymentHoldMinutes?: number | undefined;
  /** Seats per owner on each experience; DEFAULT_EXPERIENCE_SEATS_PER_OWNER when left out. */
  readonly experienceSeatsPerOwner?: number | undefined;
}

export type RawPriceTier =
  | { readonly kind: "earlyBird"; readonly until: string; readonly priceYen: number }
  | { readonly kind: "firstShares"; readonly count: number; readonly priceYen: number };

export interface RawPriceTerms {
  readonly basePriceYen: number;
  readonly tiers: readonly RawPriceTier[];
  readonly shippingSurchargeYen: Readonly<Record<string, number>>;
}

/** One failing field, by dotted path (`salesWindow.closesAt`, `pricing.tiers[1].priceYen`). */
export interface PlanFieldIssue {
  readonly field: string;
  readonly message: string;
}

/** Every field of PlanTerms, in display order: the unit of "which fields changed" and freezing. */
export const PLAN_TERM_FIELDS = [
  "title",
  "story",
  "category",
  "region",
  "unitLabel",
  "unitsPerShare",
  "totalShares",
  "maxSharesPerOwner",
  "salesWindow",
  "deliveryWindow",
  "pricing",
  "riskTerms",
  "cancellationDeadline",
  "shipCapacityPerDay",
  "surplusBonusCapUnits",
  "photoKeys",
  "paymentHoldMinutes",
  "experienceSeatsPerOwner",
] as const satisfies readonly (keyof PlanTerms)[];
export type PlanTermField = (typeof PLAN_TERM_FIELDS)[number];

/** Longest accepted text per field, counted in UTF-16 code units after trimming. */
/** A share is a personal stake; more than this per owner is a wholesale deal, not ownership. */
export const MAX_SHARES_PER_OWNER = 100;

export const PLAN_TEXT_LIMITS = {
  title: 100,
  story: 5_000,
  category: 40,
  region: 40,
  unitLabel: 20,
} as const;
export const MAX_PLAN_PHOTOS = 20;
export const MAX_PLAN_PHOTO_KEY_LENGTH = 256;
const RISK_TERMS: readonly RiskTerms[] = ["refund", "credit", "shared"];

/**
 * Checks submitted plan terms and returns them normalised (text trimmed, instants in canonical
 * form). Reports every failing field at once in `details.fields`, so a form can show them all.
 * Pricing follows pricing/pricing.ts's validatePriceTerms.
 */
export const validatePlanTerms = (
  raw: RawPlanTerms,
): E.Either<DomainError<"PLAN.INVALID">, PlanTerms> => {
  const issues: PlanFieldIssue[] = [];
  const issue = (field: string, message: string) => issues.push({ field, message });

  const text = (field: keyof typeof PLAN_TEXT_LIMITS): string => {
    const value = raw[field];
    if (typeof value !== "string") {
      issue(field, "must be text");
      return "";
    }
    const trimmed = value.trim();
    if (trimmed.length === 0) issue(field, "must not be empty");
    else if (trimmed.length > PLAN_TEXT_LIMITS[field])
      issue(field, `must be at most ${PLAN_TEXT_LIMITS[field]} characters`);
    return trimmed;
  };
  const integer = (field: string, value: number, min: number): number => {
    if (!Number.isSafeInteger(value)) issue(field, "must be a whole number");
    else if (value < min) issue(field, `must be at least ${min}`);
    return value;
  };
  const instantAt = (field: string, value: string | undefined): Instant | undefined => {
    const parsed = typeof value === "string" ? parseInstant(value) : undefined;
    if (parsed === undefined) issue(field, "must be an ISO 8601 date-time");
    return parsed;
  };
  const dateAt = (field: string, value: string | undefined): LocalDate | undefined => {
    const parsed = typeof value === "string" ? parseLocalDate(value) : undefined;
    if (parsed === undefined) issue(field, "must be a YYYY-MM-DD date");
    return parsed;
  };

  const title = text("title");
  const story = text("story");
  const category = text("category");
  const region = text("region");
  const unitLabel = text("unitLabel");

  const unitsPerShare = integer("unitsPerShare", raw.unitsPerShare, 1);
  const totalShares = integer("totalShares", raw.totalShares, 1);
  const maxSharesPerOwner = integer("maxSharesPerOwner", raw.maxSharesPerOwner, 1);
  const shipCapacityPerDay = integer("shipCapacityPerDay", raw.shipCapacityPerDay, 1);
  const surplusBonusCapUnits = integer("surplusBonusCapUnits", raw.surplusBonusCapUnits, 0);
  const paymentHoldMinutes = integer(
    "paymentHoldMinutes",
    raw.paymentHoldMinutes ?? DEFAULT_PAYMENT_HOLD_MINUTES,
    MIN_PAYMENT_HOLD_MINUTES,
  );
  if (Number.isSafeInteger(paymentHoldMinutes) && paymentHoldMinutes > MAX_PAYMENT_HOLD_MINUTES)
    issue("paymentHoldMinutes", `must be at most ${MAX_PAYMENT_HOLD_MINUTES}`);
  const experienceSeatsPerOwner = integer(
    "experienceSeatsPerOwner",
    raw.experienceSeatsPerOwner ?? DEFAULT_EXPERIENCE_SEATS_PER_OWNER,
    1,
  );
  if (
    Number.isSafeInteger(experienceSeatsPerOwner) &&
    experienceSeatsPerOwner > EXPERIENCE_CAPACITY_MAX
  )
    issue("experienceSeatsPerOwner", `must be at most ${EXPERIENCE_CAPACITY_MAX}`);
  const quantitiesValid = [unitsPerShare, totalShares, maxSharesPerOwner].every(
    (n) => Number.isSafeInteger(n) && n >= 1,
  );
  if (quantitiesValid && maxSharesPerOwner > totalShares)
    issue("maxSharesPerOwner", "must not exceed totalShares");
  // Allocation runs over groups of equal share counts; bounding the distinct counts bounds its cost.
  if (quantitiesValid && maxSharesPerOwner > MAX_SHARES_PER_OWNER)
    issue("maxSharesPerOwner", `must be at most ${MAX_SHARES_PER_OWNER}`);
  // Entitled units (unitsPerShare x totalShares) feed allocation arithmetic: keep them exact.
  if (quantitiesValid && !Number.isSafeInteger(unitsPerShare * totalShares))
    issue("unitsPerShare", "unitsPerShare x totalShares is too large");

  const opensAt = instantAt("salesWindow.opensAt", raw.salesWindow?.opensAt);
  const closesAt = instantAt("salesWindow.closesAt", raw.salesWindow?.closesAt);
  const returningRaw = raw.salesWindow?.returningOwnersOpenAt;
  const returningOwnersOpenAt =
    returningRaw === undefined
      ? undefined
      : instantAt("salesWindow.returningOwnersOpenAt", returningRaw);
  // Canonical Instants sort lexicographically in time order, so string comparison is enough.
  if (opensAt && closesAt && opensAt >= closesAt)
    issue("salesWindow.closesAt", "must be after salesWindow.opensAt");
  if (opensAt && returningOwnersOpenAt && returningOwnersOpenAt >= opensAt)
    issue("salesWindow.returningOwnersOpenAt", "must be before salesWindow.opensAt");

  const cancellationDeadline = instantAt("cancellationDeadline", raw.cancellationDeadline);
  if (cancellationDeadline && closesAt && cancellationDeadline > closesAt)
    issue("cancellationDeadline", "must not be after salesWindow.closesAt");

  const deliveryFrom = dateAt("deliveryWindow.from", raw.deliveryWindow?.from);
  const deliveryTo = dateAt("deliveryWindow.to", raw.deliveryWindow?.to);
  if (deliveryFrom && deliveryTo && deliveryFrom > deliveryTo)
    issue("deliveryWindow.to", "must not be before deliveryWindow.from");
  // Shares are sold until the sales close; nothing can be delivered before that day (in Japan).
  if (deliveryFrom && closesAt && deliveryFrom < japanDayOf(closesAt))
    issue("deliveryWindow.from", "must not be before the day sales close");

  const riskTerms = raw.riskTerms as RiskTerms;
  if (!RISK_TERMS.includes(riskTerms))
    issue("riskTerms", `must be one of ${RISK_TERMS.join(", ")}`);

  const rawPhotos = raw.photoKeys ?? [];
  const photoKeys = Array.isArray(rawPhotos) ? rawPhotos.map((key) => String(key).trim()) : [];
  if (!Array.isArray(rawPhotos)) issue("photoKeys", "must be a list");
  if (photoKeys.length > MAX_PLAN_PHOTOS)
    issue("photoKeys", `must hold at most ${MAX_PLAN_PHOTOS} photos`);
  photoKeys.forEach((key, i) => {
    if (key.length === 0 || key.length > MAX_PLAN_PHOTO_KEY_LENGTH)
      issue(`photoKeys[${i}]`, `must be 1 to ${MAX_PLAN_PHOTO_KEY_LENGTH} characters`);
  });

  const pricing = checkPricing(raw.pricing, issue);
  if (pricing && quantitiesValid) {
    // The most a plan can ever charge must stay a safe integer, so sums of yen stay exact.
    const dearestShare =
      Math.max(pricing.basePriceYen, ...pricing.tiers.map((t) => t.priceYen)) +
      Math.max(0, ...Object.values(pricing.shippingSurchargeYen));
    if (!Number.isSafeInteger(dearestShare * totalShares))
      issue("pricing.basePriceYen", "price x totalShares is too large");
  }

  if (issues.length > 0)
    return fail("PLAN.INVALID", "the plan terms are invalid", { fields: issues });
  return E.right({
    title,
    story,
    category,
    region,
    unitLabel,
    unitsPerShare,
    totalShares,
    maxSharesPerOwner,
    salesWindow:
      returningOwnersOpenAt === undefined
        ? { opensAt: opensAt as Instant, closesAt: closesAt as Instant }
        : { opensAt: opensAt as Instant, closesAt: closesAt as Instant, returningOwnersOpenAt },
    deliveryWindow: { from: deliveryFrom as LocalDate, to: deliveryTo as LocalDate },
    pricing: pricing as PriceTerms,
    riskTerms,
    cancellationDeadline: cancellationDeadline as Instant,
    shipCapacityPerDay,
    surplusBonusCapUnits,
    photoKeys,
    paymentHoldMinutes,
    experienceSeatsPerOwner,
  });
};

/**
 * Price terms are pricing.ts's rules (the same ones `quote` applies, so a valid plan can always
 * be quoted). Here they are only normalised first (early-bird instants to canonical form, which
 * pricing.ts requires) and their issues reported under `pricing.`.
 */
const checkPricing = (
  raw: RawPriceTerms | undefined,
  issue: (field: string, message: string) => void,
): PriceTerms | undefined => {
  if (raw === undefined || raw === null || typeof raw !== "object") {
    issue("pricing", "is required");
    return undefined;
  }
  const tiers = Array.isArray(raw.tiers)
    ? raw.tiers.map((tier) =>
        tier?.kind === "earlyBird" && typeof tier.until === "string"
          ? { ...tier, until: parseInstant(tier.until) ?? tier.until }
          : tier,
      )
    : raw.tiers;
  const result = validatePriceTerms({ ...raw, tiers } as PriceTerms);
  if (E.isRight(result)) {
    // Rebuilt field by field so no stray input property is stored with the plan.
    const { basePriceYen, tiers: checked, shippingSurchargeYen } = result.right;
    return {
      basePriceYen,
      tiers: checked.map((t) =>
        t.kind === "earlyBird"
          ? { kind: t.kind, until: t.until, priceYen: t.priceYen }
          : { kind: t.kind, count: t.count, priceYen: t.priceYen },
      ),
      shippingSurchargeYen: { ...shippingSurchargeYen },
    };
  }
  for (const { field, message } of (result.left.details?.fields ?? []) as PlanFieldIssue[])
    issue(`pricing.${field}`, message);
  return undefined;
};

/** Picks exactly the PlanTerms fields out of a plan (or anything that carries them). */
export const termsOf = (source: PlanTerms): PlanTerms =>
  Object.fromEntries(
    PLAN_TERM_FIELDS.map((field) => [field, source[field]]),
  ) as unknown as PlanTerms;

/**
 * The term fields whose values differ. Comparison is structural (key order ignored, undefined
 * properties treated as absent), because terms round-trip through JSON and storage.
 */
export const changedTermFields = (before: PlanTerms, after: PlanTerms): PlanTermField[] =>
  PLAN_TERM_FIELDS.filter((field) => !samePlainData(before[field], after[field]));

/** Structural equality of JSON-like data: key order ignored, undefined properties absent. */
export const samePlainData = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => samePlainData(item, b[i]));
  const defined = (o: object) =>
    Object.entries(o)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  const ea = defined(a);
  const eb = defined(b);
  return (
    ea.length === eb.length &&
    ea.every(([key, value], i) => eb[i]?.[0] === key && samePlainData(value, eb[i]?.[1]))
  );
};
