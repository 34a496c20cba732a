import { type ManualClock, makeManualClock } from "@owners/adapter-local";
import type { MemoryPorts } from "@owners/adapter-memory";
import type { Ports } from "@owners/app";
import { pino } from "pino";
import { createApi } from "../composition/container.ts";
import type { UseCases } from "../composition/use-cases.ts";
import { type ApiConfig, readConfig } from "../config.ts";
import { signDevToken } from "../http/auth.ts";
import type { JsonBody } from "./json.ts";

export const TEST_SECRET = "api-test-secret-api-test-secret-0123";
export const TEST_ISSUER = "owners-local";
export const T0 = "2026-05-01T00:00:00.000Z";

export const testConfig = (env: Record<string, string> = {}): ApiConfig =>
  readConfig({
    OWNERS_STORE: "memory",
    OWNERS_JWT_SECRET: TEST_SECRET,
    OWNERS_DEV_LOGIN: "on",
    OWNERS_LOG_LEVEL: "silent",
    OWNERS_MAX_BODY_BYTES: "16384",
    ...env,
  });

export type Role = "producer" | "owner" | "admin";

export interface Harness {
  readonly app: ReturnType<typeof createApi>["app"];
  readonly clock: ManualClock;
  readonly ports: MemoryPorts;
  readonly useCases: UseCases;
  /** A bearer header for a user (tokens are cached per user). */
  auth(id: string, role: Role): Promise<Record<string, string>>;
  /** A JSON request; returns status, headers and the parsed body (text for non-JSON). */
  call(
    method: string,
    path: string,
    options?: { body?: unknown; as?: [string, Role]; headers?: Record<string, string> },
  ): Promise<{ status: number; headers: Headers; body: JsonBody }>;
}

/** The API on the in-memory adapters with a manual clock, as every route test uses it. */
export const makeHarness = (
  options: { logger?: pino.Logger; start?: string; ports?: Partial<Ports> } = {},
): Harness => {
  const clock = makeManualClock(options.start ?? T0);
  const api = createApi(testConfig(), {
    ports: { clock, ...options.ports },
    logger: options.logger ?? pino({ level: "silent" }),
  });
  const tokens = new Map<string, string>();
  const auth = async (id: string, role: Role) => {
    const key = `${role}:${id}`;
    let token = tokens.get(key);
    if (token === undefined) {
      token = await signDevToken({ id, role }, TEST_SECRET, TEST_ISSUER);
      tokens.set(key, token);
    }
    return { authorization: `Bearer ${token}` };
  };
  return {
    app: api.app,
    clock,
    ports: api.ports as MemoryPorts,
    useCases: api.useCases,
    auth,
    call: async (method, path, { body, as, headers = {} } = {}) => {
      const response = await api.app.request(path, {
        method,
        headers: {
          ...(body !== undefined ? { "content-type": "application/json" } : {}),
          ...(as !== undefined ? await auth(...as) : {}),
          ...headers,
        },
        ...(body !== undefined
          ? { body: typeof body === "string" ? body : JSON.stringify(body) }
          : {}),
      });
      const type = response.headers.get("content-type") ?? "";
      // A file in another charset (B2's Shift_JIS labels) is read as that charset would be.
      const charset = /charset=([^;]+)/i.exec(type)?.[1] ?? "utf-8";
      const text = new TextDecoder(charset).decode(await response.arrayBuffer());
      return {
        status: response.status,
        headers: response.headers,
        body: type.includes("json") && text !== "" ? JSON.parse(text) : text,
      };
    },
  };
};

/** A valid plan request, sales open from T0 for 30 days; override any field. */
export const planBody = (overrides: Record<string, unknown> = {}) => ({
  title: "樹上完熟いちじく 一口オーナー",
  description: "袋をかけずに樹の上で完熟させたいちじく。",
  category: "fruit",
  region: "kinki",
  unitLabel: "pack",
  unitsPerShare: 4,
  totalShares: 10,
  maxSharesPerOwner: 3,
  priceYen: 6800,
  salesOpenAt: T0,
  salesCloseAt: "2026-05-31T00:00:00.000Z",
  deliveryFrom: "2026-06-10",
  deliveryTo: "2026-07-10",
  riskTerms: "refund",
  shipCapacityPerDay: 40,
  ...overrides,
});

/** A producer's open plan; returns its id. */
export const openPlan = async (
  h: Harness,
  producer = "producer-a",
  overrides: Record<string, unknown> = {},
): Promise<string> => {
  const created = await h.call("POST", "/plans", {
    body: planBody(overrides),
    as: [producer, "producer"],
  });
  if (created.status !== 201) throw new Error(`create: ${JSON.stringify(created.body)}`);
  const published = await h.call("POST", `/plans/${created.body.id}/publish`, {
    as: [producer, "producer"],
  });
  if (published.status !== 200) throw new Error(`publish: ${JSON.stringify(published.body)}`);
  return created.body.id as string;
};

/** An owner's reservation, left unpaid (pending_payment, with its checkout); returns the response. */
export const reserveUnpaid = (
  h: Harness,
  planId: string,
  owner: string,
  shares: number,
  key = `k-${owner}-${shares}`,
) =>
  h.call("POST", `/plans/${planId}/reservations`, {
    body: { shares },
    as: [owner, "owner"],
    headers: { "idempotency-key": key },
  });

/**
 * An owner's reservation, paid through POST /dev/payments/{id}/complete as the owner would pay at
 * the checkout: the reservation's response (status and headers) with the paid ownership as body.
 */
export const reserve = async (
  h: Harness,
  planId: string,
  owner: string,
  shares: number,
  key = `k-${owner}-${shares}`,
) => {
  const reserved = await reserveUnpaid(h, planId, owner, shares, key);
  const paymentId = reserved.body?.payment?.id as string | undefined;
  if (reserved.status !== 201 || reserved.body.status !== "pending_payment" || !paymentId)
    return reserved;
  const paid = await h.call("POST", `/dev/payments/${paymentId}/complete`, {
    body: { outcome: "succeeded" },
    as: [owner, "owner"],
  });
  if (paid.status !== 200) throw new Error(`pay: ${paid.status} ${JSON.stringify(paid.body)}`);
  return { ...reserved, body: paid.body };
};

/** A complete producer application (farm, products, the seller disclosure). */
export const applicationBody = (overrides: Record<string, unknown> = {}) => ({
  farmName: "小林果樹園",
  prefecture: "山形県",
  products: ["さくらんぼ", "ラ・フランス"],
  story: "三代続く果樹園です。",
  disclosure: {
    legalName: "小林 一郎",
    address: "山形県東根市1-2-3",
    phone: "023-123-4567",
    email: "ichiro@example.jp",
    responsiblePerson: "小林 一郎",
    pricesAndFees: "各プランに表示（税込）",
    deliveryTime: "収穫後3日以内に発送",
    returnsAndCancellation: "締切までキャンセル可、全額返金",
  },
  ...overrides,
});

export const TOKYO_ADDRESS = {
  recipientName: "山田 花子",
  postalCode: "150-0001",
  prefecture: "東京都",
  city: "渋谷区",
  line1: "神宮前1-2-3",
  phone: "03-1234-5678",
};

/**
 * A plan through sales: open, `owners` reserve their shares (and set an address), sales closed.
 * Returns the plan id and the ownership ids by owner.
 */
export const closedPlanWithOwners = async (
  h: Harness,
  owners: Record<string, number>,
  producer = "producer-a",
  overrides: Record<string, unknown> = {},
) => {
  const planId = await openPlan(h, producer, overrides);
  const ownerships: Record<string, string> = {};
  for (const [owner, shares] of Object.entries(owners)) {
    await h.call("PUT", "/me/address", {
      body: { address: TOKYO_ADDRESS, region: "kanto" },
      as: [owner, "owner"],
    });
    const answer = await reserve(h, planId, owner, shares);
    if (answer.status !== 201) throw new Error(`reserve: ${JSON.stringify(answer.body)}`);
    ownerships[owner] = answer.body.id;
  }
  const closed = await h.call("POST", `/plans/${planId}/close`, { as: [producer, "producer"] });
  if (closed.status !== 200) throw new Error(`close: ${JSON.stringify(closed.body)}`);
  return { planId, ownerships };
};

export const HARVEST = {
  quantity: 10,
  grade: "standard",
  readyOn: "2026-06-12",
  bestBefore: "2026-06-20",
};

/** What the in-memory processor took and gave back, over every checkout. */
export const processorTotals = (h: Harness) =>
  h.ports.payments.checkouts().reduce(
    (sum, c) => ({
      chargedYen: sum.chargedYen + (c.paymentIntentId === undefined ? 0 : c.request.amountYen),
      refundedYen: sum.refundedYen + c.refundedYen,
    }),
    { chargedYen: 0, refundedYen: 0 },
  );
