import { captureLogs } from "@owners/logging/testing";
import * as TE from "fp-ts/lib/TaskEither.js";
import { describe, expect, it } from "vitest";
import { createApi } from "./composition/container.ts";
import { makeHarness, openPlan, TOKYO_ADDRESS, testConfig } from "./testing/harness.ts";

const EMAIL = "hanako.yamada@example.jp";
const ADDRESS = { ...TOKYO_ADDRESS, recipientName: "山田 花子", line1: "神宮前9-8-7 ハイツ青山" };

const SECRETS = (token: string) => [
  token,
  token.split(".")[1] ?? token,
  EMAIL,
  ADDRESS.recipientName,
  ADDRESS.line1,
  ADDRESS.phone,
  ADDRESS.postalCode,
  "神宮前",
];

describe("structured logs", () => {
  it("are one JSON line per request with its request id, and hold no token, email or address", async () => {
    const { lines, logger } = captureLogs("owners-api");
    const h = makeHarness({ logger });
    const auth = await h.auth(EMAIL, "owner");
    const token = (auth.authorization ?? "").replace("Bearer ", "");
    const planId = await openPlan(h);
    await h.call("PUT", "/me/address", {
      body: { address: ADDRESS, region: "kanto" },
      headers: auth,
    });
    await h.call("PUT", "/me/address", {
      body: { address: { ...ADDRESS, postalCode: EMAIL }, region: "kanto" },
      headers: auth,
    });
    await h.call("GET", "/me/address", { headers: { ...auth, "x-request-id": "trace-me-123" } });
    await h.call("POST", `/plans/${planId}/reservations`, {
      body: { shares: 1 },
      headers: { ...auth, "idempotency-key": EMAIL },
    });
    await h.call("POST", "/auth/dev-login", {
      body: { sub: EMAIL, role: "owner", name: ADDRESS.recipientName },
    });
    await h.call("GET", `/plans?region=${encodeURIComponent(EMAIL)}`, { headers: auth });
    await h.call("GET", "/health", { headers: { authorization: `Bearer ${token}x` } });

    expect(lines.length).toBeGreaterThanOrEqual(8);
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = entries.filter((e) => e.msg === "request");
    for (const entry of requests)
      expect(entry).toMatchObject({
        service: "owners-api",
        level: 30,
        msg: "request",
        requestId: expect.any(String),
        method: expect.any(String),
        status: expect.any(Number),
      });
    expect(requests.map((e) => e.requestId)).toContain("trace-me-123");
    expect(new Set(requests.map((e) => e.requestId)).size).toBe(requests.length);
    for (const secret of SECRETS(token)) expect(lines.join("\n"), secret).not.toContain(secret);
  });

  it("log a crash without the crash's message, which may quote personal data", async () => {
    const { lines, logger } = captureLogs("owners-api");
    const api = createApi(testConfig(), { logger });
    const { plans } = api.ports;
    // A storage bug whose exception quotes the request: the log must not repeat it.
    (plans as { get: unknown }).get = () =>
      TE.fromTask(() => Promise.reject(new Error(`bad item for ${EMAIL} at ${ADDRESS.line1}`)));
    const answer = await api.app.request("/plans/plan_1");
    expect(answer.status).toBe(500);
    expect(await answer.json()).toMatchObject({ status: 500, code: "INTERNAL" });
    const crash = lines.map((l) => JSON.parse(l)).find((e) => e.msg === "unhandled error");
    expect(crash).toMatchObject({
      level: 50,
      requestId: expect.any(String),
      err: { type: "Error" },
    });
    expect(lines.join("\n")).not.toContain(EMAIL);
    expect(lines.join("\n")).not.toContain(ADDRESS.line1);
  });
});
