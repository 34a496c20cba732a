import { makeManualClock } from "@owners/adapter-local";
import { makeMemoryNotifier } from "@owners/adapter-memory";
import { PORT_TOKENS, USE_CASE_TOKENS } from "@owners/app";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { signDevToken } from "../http/auth.ts";
import { TEST_ISSUER, TEST_SECRET, testConfig } from "../testing/harness.ts";
import {
  API_TOKENS,
  buildContainer,
  createApi,
  portsOf,
  tokenVerificationFromConfig,
} from "./container.ts";

const silent = pino({ level: "silent" });

describe("buildContainer", () => {
  it("binds every port token, every use-case group and the app, each built once", () => {
    const container = buildContainer(testConfig(), { logger: silent });
    for (const [name, token] of Object.entries(PORT_TOKENS))
      expect(container.get<object>(token), name).toBeTypeOf("object");
    for (const [name, token] of Object.entries(USE_CASE_TOKENS)) {
      const group = container.get<Record<string, unknown>>(token);
      expect(Object.values(group).length, name).toBeGreaterThan(0);
      for (const useCase of Object.values(group)) expect(useCase).toBeTypeOf("function");
      expect(container.get(token)).toBe(group);
    }
    expect(container.get(API_TOKENS.app)).toBe(container.get(API_TOKENS.app));
  });

  it("uses the ports a caller hands in (a manual clock reaches the use cases)", async () => {
    const clock = makeManualClock("2027-01-02T03:04:05.000Z");
    const api = createApi(testConfig(), { ports: { clock }, logger: silent });
    expect(api.ports.clock).toBe(clock);
    const token = await signDevToken({ id: "root", role: "admin" }, TEST_SECRET, TEST_ISSUER);
    const answer = await api.app.request("/admin/batches/close-sales", {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await answer.json()).toMatchObject({ startedAt: "2027-01-02T03:04:05.000Z" });
  });

  it("rebinds a caller's ports before the store's wiring is built, which then uses them", async () => {
    const clock = makeManualClock("2027-01-02T03:04:05.000Z");
    const notifier = makeMemoryNotifier();
    const container = buildContainer(testConfig(), { ports: { clock, notifier }, logger: silent });
    const ports = portsOf(container);
    expect(ports.notifier).toBe(notifier);
    // The memory blob store was built by the wiring, from the rebound clock.
    const form = await ports.blobs.presignUpload("uploads/a.jpg", "image/jpeg", 10)();
    expect(form._tag === "Right" && form.right.expiresAt.startsWith("2027-01-02T03:")).toBe(true);
    // One wiring: the same adapter instance behind every lookup.
    expect(portsOf(container).plans).toBe(ports.plans);
  });

  it("fixes the configured platform fee on new plans", async () => {
    const api = createApi(testConfig({ OWNERS_PLATFORM_FEE_BPS: "750" }), { logger: silent });
    const plan = await api.useCases.plans.createPlan(
      { id: "producer-a", role: "producer" },
      {
        terms: {
          title: "t",
          story: "s",
          category: "c",
          region: "kinki",
          unitLabel: "kg",
          unitsPerShare: 1,
          totalShares: 1,
          maxSharesPerOwner: 1,
          salesWindow: {
            opensAt: "2027-01-01T00:00:00.000Z",
            closesAt: "2027-02-01T00:00:00.000Z",
          },
          deliveryWindow: { from: "2027-03-01", to: "2027-03-10" },
          pricing: { basePriceYen: 1000, tiers: [], shippingSurchargeYen: { kanto: 0 } },
          riskTerms: "refund",
          cancellationDeadline: "2027-01-15T00:00:00.000Z",
          shipCapacityPerDay: 1,
          surplusBonusCapUnits: 0,
        },
      },
    )();
    expect(plan._tag === "Right" && plan.right.platformFeeBps).toBe(750);
  });

  it("verifies Cognito tokens against a JWKS when one is configured, dev tokens otherwise", () => {
    expect(tokenVerificationFromConfig(testConfig())).toMatchObject({ kind: "hs256" });
    expect(
      tokenVerificationFromConfig(
        testConfig({
          OWNERS_DEV_LOGIN: "off",
          OWNERS_JWKS_URL:
            "https://cognito-idp.ap-northeast-1.amazonaws.com/pool/.well-known/jwks.json",
          OWNERS_JWT_ISSUER: "https://cognito-idp.ap-northeast-1.amazonaws.com/pool",
          OWNERS_JWT_AUDIENCE: "client-1",
        }),
      ),
    ).toEqual({
      kind: "jwks",
      issuer: "https://cognito-idp.ap-northeast-1.amazonaws.com/pool",
      audience: "client-1",
      jwks: "https://cognito-idp.ap-northeast-1.amazonaws.com/pool/.well-known/jwks.json",
    });
  });

  it("answers 404 to dev login unless it is switched on", async () => {
    const off = createApi(testConfig({ OWNERS_DEV_LOGIN: "off" }), { logger: silent });
    const login = {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ sub: "u", role: "owner" }),
    };
    expect((await off.app.request("/auth/dev-login", login)).status).toBe(404);
    const on = createApi(testConfig(), { logger: silent });
    expect((await on.app.request("/auth/dev-login", login)).status).toBe(200);
  });
});
