import type { CreatePlanRequest } from "../src/api/types.ts";
import type { apiAs } from "./site-under-test.ts";

/** One person's API calls, as `apiAs` makes them. */
export type Api = Awaited<ReturnType<typeof apiAs>>;

export const DAY_MS = 86_400_000;

/** The instant `ms` from now, as the API writes instants. */
export const isoIn = (ms: number): string => new Date(Date.now() + ms).toISOString();

/** The (UTC) day `days` from now, as the API writes delivery and harvest days. */
export const dayIn = (days: number): string => isoIn(days * DAY_MS).slice(0, 10);

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * A plan's terms for a browser scenario: fruit from Kinki whose sales open two seconds from now
 * (published first, then open) and close in 30 days, delivered in days 40–70. Each scenario
 * overrides only what it is about (shares, price, windows, region…).
 */
export const planTerms = (
  title: string,
  overrides: Partial<CreatePlanRequest> = {},
): CreatePlanRequest => ({
  title,
  description: "ブラウザの確認に使うプラン。",
  category: "fruit",
  region: "kinki",
  unitLabel: "pack",
  unitsPerShare: 4,
  totalShares: 10,
  maxSharesPerOwner: 2,
  priceYen: 6800,
  salesOpenAt: isoIn(2_000),
  salesCloseAt: isoIn(30 * DAY_MS),
  deliveryFrom: dayIn(40),
  deliveryTo: dayIn(70),
  riskTerms: "refund",
  shipCapacityPerDay: 40,
  ...overrides,
});

/**
 * Waits until the plan's sales have opened (half a second past `salesOpenAt`, for the clock's
 * grain), so a reservation made next is not refused as not yet open.
 */
export const untilSalesOpen = (terms: Pick<CreatePlanRequest, "salesOpenAt">): Promise<void> =>
  sleep(Date.parse(terms.salesOpenAt) + 500 - Date.now());

/**
 * Creates the plan and publishes it, as its producer. With `waitForSales`, returns once owners can
 * reserve; without, at once (a scenario with more to do before sales, or an early-access window).
 */
export const publishPlan = async (
  producer: Api,
  terms: CreatePlanRequest,
  { waitForSales }: { readonly waitForSales: boolean },
) => {
  const created = await producer("POST", "/plans", terms);
  const planId = created.id as string;
  await producer("POST", `/plans/${planId}/publish`);
  if (waitForSales) await untilSalesOpen(terms);
  return { planId, created };
};

/**
 * The owner reserves shares and pays for them at once through the dev payment endpoint: an owner
 * whose ownership is confirmed, without going through the checkout page. `key` is the
 * reservation's idempotency key, unique per reservation in the file.
 */
export const paidShares = async (
  owner: Api,
  planId: string,
  {
    shares = 1,
    shippingRegion,
    key,
  }: { readonly shares?: number; readonly shippingRegion: string; readonly key: string },
) => {
  const held = await owner(
    "POST",
    `/plans/${planId}/reservations`,
    { shares, shippingRegion },
    { "idempotency-key": key },
  );
  await owner("POST", `/dev/payments/${held.payment.id}/complete`, { outcome: "succeeded" });
  return held;
};

/** The seeded demo fig plan of producer-kobayashi (the one with 120 shares), by its id. */
export const seededFigPlanId = async (anyone: Api): Promise<string> => {
  const plans = await anyone("GET", "/plans?producerId=producer-kobayashi");
  const figs = (plans.items as { id: string; totalShares: number }[]).find(
    (p) => p.totalShares === 120,
  );
  if (figs === undefined) throw new Error("no seeded fig plan");
  return figs.id;
};
