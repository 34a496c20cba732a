import { addMillis, instantFromMillis } from "@owners/domain";
import { describe, expect, it } from "vitest";
import { API_TOKENS, createApi } from "../composition/container.ts";
import type { BatchStoresWithAnalytics } from "../composition/use-cases.ts";
import { TEST_ISSUER, TEST_SECRET, testConfig } from "../testing/harness.ts";
import { signDevToken } from "./auth.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const idFor = async (sent: string) => {
  const api = createApi(testConfig());
  const answer = await api.app.request("/health", { headers: { "x-request-id": sent } });
  return answer.headers.get("x-request-id");
};

describe("X-Request-Id", () => {
  it("keeps a well-formed client id (letters, digits, . _ : -, up to 128)", async () => {
    expect(await idFor("trace.42:checkout-A_1")).toBe("trace.42:checkout-A_1");
    expect(await idFor("a".repeat(128))).toBe("a".repeat(128));
  });

  it("replaces anything else with a fresh id", async () => {
    for (const sent of ["a".repeat(129), "a b", '{"x":1}', "id=1", "ünïcode"]) {
      const id = await idFor(sent);
      expect(id, sent).not.toBe(sent);
      expect(id, sent).toMatch(UUID);
    }
  });

  it("is echoed on problems too (not found, unauthenticated, too large), for support to quote", async () => {
    const api = createApi(testConfig());
    const sent = { "x-request-id": "trace-problem-1" };
    const answers = [
      await api.app.request("/plans/plan_none", { headers: sent }),
      await api.app.request("/nothing-here", { headers: sent }),
      await api.app.request("/me/ownerships", {
        headers: { ...sent, authorization: "Bearer not-a-token" },
      }),
      await api.app.request("/plans", {
        method: "POST",
        headers: { ...sent, "content-type": "application/json" },
        body: JSON.stringify({ story: "x".repeat(200_000) }),
      }),
    ];
    expect(answers.map((a) => a.status)).toEqual([404, 404, 401, 413]);
    expect(answers.map((a) => a.headers.get("content-type"))).toEqual(
      answers.map(() => "application/problem+json"),
    );
    expect(answers.map((a) => a.headers.get("x-request-id"))).toEqual(
      answers.map(() => "trace-problem-1"),
    );
  });

  it("is never a batch lease owner: a client reusing an in-flight run's id gets 409", async () => {
    const api = createApi(testConfig());
    const { leases } = api.container.get<BatchStoresWithAnalytics>(API_TOKENS.batchStores);
    const now = instantFromMillis(Date.now());
    // A run in flight whose owner a client could guess, were owners built from request ids.
    await leases.acquire("close-sales", "all", "api:trace-1", now, addMillis(now, 60_000))();
    const token = await signDevToken({ id: "root", role: "admin" }, TEST_SECRET, TEST_ISSUER);
    const answer = await api.app.request("/admin/batches/close-sales", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "x-request-id": "trace-1" },
    });
    expect(answer.status).toBe(409);
    expect(await answer.json()).toMatchObject({ code: "BATCH.LEASE_HELD" });
    // The other run's lease is untouched: not taken over, not released.
    const held = await leases.get("close-sales", "all")();
    expect(held).toMatchObject({ right: { value: { owner: "api:trace-1" } } });
  });
});
