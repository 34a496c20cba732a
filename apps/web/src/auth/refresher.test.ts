import { describe, expect, it } from "vitest";
import { makeTokenRefresher, REFRESH_MARGIN_MS } from "./refresher";
import { sessionFromToken } from "./session";

const NOW = 1_900_000_000_000;
const token = (sub: string, expSeconds: number) =>
  `h.${Buffer.from(JSON.stringify({ sub, role: "owner", exp: expSeconds })).toString("base64url")}.s`;
const sessionExpiringIn = (ms: number) => sessionFromToken(token("u1", (NOW + ms) / 1000));

describe("the token refresher", () => {
  it("leaves a token with time left alone", async () => {
    const calls: string[] = [];
    const refresher = makeTokenRefresher(
      async (r) => {
        calls.push(r);
        return "unused";
      },
      () => NOW,
    );
    refresher.remember("refresh-1");
    const session = sessionExpiringIn(REFRESH_MARGIN_MS + 10_000);
    expect(await refresher.fresh(session)).toBe(session);
    expect(calls).toEqual([]);
  });

  it("renews a token about to expire once, for every call waiting on it", async () => {
    const calls: string[] = [];
    const renewed = token("u1", (NOW + 3_600_000) / 1000);
    const refresher = makeTokenRefresher(
      async (r) => {
        calls.push(r);
        return renewed;
      },
      () => NOW,
    );
    refresher.remember("refresh-1");
    const old = sessionExpiringIn(REFRESH_MARGIN_MS - 1);
    const [a, b] = await Promise.all([refresher.fresh(old), refresher.fresh(old)]);
    expect(a?.token).toBe(renewed);
    expect(b?.token).toBe(renewed);
    expect(calls).toEqual(["refresh-1"]);
  });

  it("keeps the old session without a refresh token, or when the refresh fails", async () => {
    const old = sessionExpiringIn(0);
    const failing = makeTokenRefresher(
      async () => {
        throw new Error("invalid_grant");
      },
      () => NOW,
    );
    expect(await failing.fresh(old)).toBe(old);
    failing.remember("revoked");
    expect(await failing.fresh(old)).toBe(old);
  });
});
