import { makeManualClock } from "@owners/adapter-local";
import { makeUnsubscribeTokens } from "@owners/app";
import { NOTIFICATION_FIXTURES } from "@owners/app/testing";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createApi } from "../composition/container.ts";
import { signDevToken } from "../http/auth.ts";
import { T0, TEST_ISSUER, TEST_SECRET, testConfig } from "../testing/harness.ts";

const UNSUBSCRIBE_SECRET = "unsubscribe-secret-for-api-tests";

const api = () =>
  createApi(
    testConfig({
      OWNERS_UNSUBSCRIBE_SECRET: UNSUBSCRIBE_SECRET,
      OWNERS_SITE_URL: "https://owners.example.jp",
    }),
    { ports: { clock: makeManualClock(T0) }, logger: pino({ level: "silent" }) },
  );

const bearer = async (id: string) => ({
  authorization: `Bearer ${await signDevToken({ id, role: "owner" }, TEST_SECRET, TEST_ISSUER)}`,
});

describe("notifications over HTTP", () => {
  it("one-click unsubscribe turns the category off without sign-in; preferences show it", async () => {
    const { app } = api();
    const token = makeUnsubscribeTokens(UNSUBSCRIBE_SECRET).sign("o1", "news");
    const unsubscribed = await app.request(`/unsubscribe?token=${encodeURIComponent(token)}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(unsubscribed.status).toBe(200);
    expect(await unsubscribed.json()).toEqual({ category: "news" });
    const prefs = await app.request("/me/notification-preferences", {
      headers: await bearer("o1"),
    });
    expect(await prefs.json()).toEqual({
      account: true,
      season: true,
      news: false,
      experiences: true,
    });
  });

  it("answers a bad token with a 400 problem naming the token", async () => {
    const { app } = api();
    const forged = makeUnsubscribeTokens("some-other-secret-entirely").sign("o1", "news");
    for (const token of [forged, "garbage"]) {
      const res = await app.request(`/unsubscribe?token=${encodeURIComponent(token)}`, {
        method: "POST",
      });
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(JSON.stringify(await res.json())).toContain("token");
    }
    const missing = await app.request("/unsubscribe", { method: "POST" });
    expect(missing.status).toBe(400);
  });

  it("refuses to turn account mail off (400)", async () => {
    const { app } = api();
    const res = await app.request("/me/notification-preferences", {
      method: "PUT",
      headers: { ...(await bearer("o1")), "content-type": "application/json" },
      body: JSON.stringify({ account: false }),
    });
    expect(res.status).toBe(400);
  });

  it("lists the inbox in Japanese, counts unread and marks read", async () => {
    const { app, ports } = api();
    const message = NOTIFICATION_FIXTURES["update-posted"];
    await ports.outbox.enqueue([{ ...message, recipientId: "o1" as never }])();
    const headers = await bearer("o1");
    const count = async () =>
      (await (await app.request("/me/notifications/unread-count", { headers })).json()) as {
        unread: number;
      };
    expect((await count()).unread).toBe(1);
    const page = (await (await app.request("/me/notifications", { headers })).json()) as {
      items: { id: string; subject: string; read: boolean }[];
    };
    expect(page.items).toHaveLength(1);
    expect(page.items[0]?.subject).toMatch(/^生産者からのお便り/);
    const read = await app.request(`/me/notifications/${page.items[0]?.id}/read`, {
      method: "POST",
      headers,
    });
    expect(read.status).toBe(200);
    expect((await count()).unread).toBe(0);
  });
});
