import { render, waitFor } from "@testing-library/react";
import { useEffect } from "react";
import { describe, expect, it } from "vitest";
import { AppProvider, useApp } from "./app-context";
import { sessionFromToken } from "./auth/session";
import { testQueryClient } from "./testing/render";

const jwt = (claims: object) => `h.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.s`;
const inSeconds = (s: number) => Math.floor(Date.now() / 1000) + s;
const expiring = jwt({ sub: "u1", "cognito:groups": ["owners"], exp: inSeconds(10) });
const renewed = jwt({ sub: "u1", "cognito:groups": ["owners"], exp: inSeconds(3600) });

const cognito = { domain: "owners.auth.example", clientId: "client-1" };

/** Signs in with a refresh token, then asks the API for its ownerships. */
const Caller = () => {
  const { api, rememberRefreshToken } = useApp();
  useEffect(() => {
    rememberRefreshToken("refresh-1");
    void api.GET("/me/ownerships");
  }, [api, rememberRefreshToken]);
  return null;
};

describe("AppProvider with Cognito", () => {
  it("renews a token about to expire through the token endpoint before calling the API", async () => {
    const tokenRequests: URLSearchParams[] = [];
    const bearers: (string | null)[] = [];
    const fetchImpl = (async (input: Request | string, init?: RequestInit) => {
      if (typeof input === "string") {
        expect(input).toBe("https://owners.auth.example/oauth2/token");
        tokenRequests.push(new URLSearchParams(String(init?.body)));
        return Response.json({ id_token: renewed, access_token: "a" });
      }
      bearers.push(input.headers.get("authorization"));
      return Response.json({ items: [] });
    }) as unknown as typeof fetch;
    render(
      <AppProvider
        config={{ apiBase: "http://api.test/api", auth: { cognito } }}
        initialSession={sessionFromToken(expiring)}
        fetchImpl={fetchImpl}
        queryClient={testQueryClient()}
      >
        <Caller />
      </AppProvider>,
    );
    await waitFor(() => expect(bearers).toEqual([`Bearer ${renewed}`]));
    expect(tokenRequests.map((r) => r.get("grant_type"))).toEqual(["refresh_token"]);
    expect(tokenRequests[0]?.get("refresh_token")).toBe("refresh-1");
    // The renewed token replaces the old one in this tab's storage; the refresh token is not stored.
    expect(sessionStorage.getItem("owners.session")).toBe(renewed);
    expect(JSON.stringify({ ...sessionStorage, ...localStorage })).not.toContain("refresh-1");
  });
});
