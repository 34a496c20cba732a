/**
 * Test-only builders for plans, ownerships and instants shared by the lifecycle helper's
 * tests (plan terms, lifecycle, reservation, waitlist, experiences, audit). Not exported from
 * the package.
 */
import * as E from "fp-ts/lib/Either.js";
import { yen } from "../money/money.ts";
import type { Ownership } from "../reservations/ownership.ts";
import { type OwnerId, ownerId, ownershipId, planId, producerId } from "../shared/ids.ts";
import { type Instant, instant } from "../shared/time.ts";
import { createPlan } from "./lifecycle.ts";
import type { Plan } from "./plan.ts";
import type { RawPlanTerms } from "./terms.ts";

export const at = (iso: string): Instant => instant(iso);

export const T = {
  earlyAccess: at("2026-05-25T00:00:00.000Z"),
  opens: at("2026-06-01T00:00:00.000Z"),
  during: at("2026-06-10T00:00:00.000Z"),
  cancellationDeadline: at("2026-06-20T00:00:00.000Z"),
  closes: at("2026-07-01T00:00:00.000Z"),
  created: at("2026-05-01T00:00:00.000Z"),
} as const;

export const PRODUCER = producerId("producer-1");

export const rawTerms = (overrides: Partial<RawPlanTerms> = {}): RawPlanTerms => ({
  title: "Tree-ripened figs",
  story: "Unbagged, picked at peak.",
  category: "fruit",
  region: "Wakayama",
  unitLabel: "pack",
  unitsPerShare: 4,
  totalShares: 100,
  maxSharesPerOwner: 5,
  salesWindow: {
    opensAt: T.opens,
    closesAt: T.closes,
    returningOwnersOpenAt: T.earlyAccess,
  },
  deliveryWindow: { from: "2026-08-01", to: "2026-08-31" },
  pricing: {
    basePriceYen: 5000,
    tiers: [{ kind: "earlyBird", until: T.during, priceYen: 4500 }],
    shippingSurchargeYen: { kanto: 800, kansai: 600 },
  },
  riskTerms: "refund",
  cancellationDeadline: T.cancellationDeadline,
  shipCapacityPerDay: 30,
  surplusBonusCapUnits: 50,
  photoKeys: ["plans/figs/1.jpg"],
  ...overrides,
});

/** A valid plan in the given state (built through createPlan, so it is always valid). */
export const planIn = (
  status: Plan["status"] = "open",
  overrides: Partial<Plan> = {},
  terms: Partial<RawPlanTerms> = {},
): Plan => {
  const created = createPlan({
    id: planId("plan-1"),
    producerId: PRODUCER,
    terms: rawTerms(terms),
    platformFeeBps: 1000,
    now: T.created,
  });
  if (E.isLeft(created)) throw new Error(JSON.stringify(created.left));
  return { ...created.right, status, ...overrides };
};

export const ownershipOf = (
  plan: Plan,
  owner: OwnerId | string,
  shares: number,
  overrides: Partial<Ownership> = {},
): Ownership => ({
  id: ownershipId(`own-${owner}-${shares}`),
  planId: plan.id,
  ownerId: ownerId(owner),
  shares,
  quote: {
    shares,
    lines: [{ shares, unitPriceYen: yen(5000), reason: "base" }],
    sharesYen: yen(5000 * shares),
    shippingRegion: "kanto",
    shippingYen: yen(800 * shares),
    totalYen: yen(5800 * shares),
    feeYen: yen(580 * shares),
    payoutYen: yen(5220 * shares),
  },
  reservedAt: T.during,
  idempotencyKey: `key-${owner}`,
  status: "active",
  version: 1,
  ...overrides,
});

/** The error code of a Left (undefined for a Right), for compact assertions. */
export const codeOf = (result: E.Either<{ readonly _tag: string }, unknown>): string | undefined =>
  E.isLeft(result) ? result.left._tag : undefined;

export const rightOf = <A>(result: E.Either<unknown, A>): A => {
  if (E.isLeft(result)) throw new Error(`expected Right, got ${JSON.stringify(result.left)}`);
  return result.right;
};

export const leftOf = <L>(result: E.Either<L, unknown>): L => {
  if (E.isRight(result)) throw new Error("expected Left, got Right");
  return result.left;
};

/** The `field` names listed in an error's details.fields (PLAN.INVALID, EXPERIENCE.INVALID). */
export const fieldNamesOf = (error: { readonly details?: Readonly<Record<string, unknown>> }) =>
  ((error.details?.fields ?? []) as readonly { field: string }[]).map((f) => f.field);
