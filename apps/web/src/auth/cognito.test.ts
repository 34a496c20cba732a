import { describe, expect, it } from "vitest";
import { beginSignIn, completeSignIn, refreshIdToken } from "./cognito";
import { codeChallenge } from "./pkce";

const config = { domain: "owners.auth.example", clientId: "client-1" };

const memoryStorage = (): Storage => {
  const items = new Map<string, string>();
  return {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
    clear: () => items.clear(),
    key: () => null,
    get length() {
      return items.size;
    },
  };
};

describe("Cognito hosted UI, code flow with PKCE", () => {
  it("computes the S256 challenge of RFC 7636's example", async () => {
    expect(await codeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe(
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
  });

  it("sends the browser to /oauth2/authorize and trades the code with the same verifier", async () => {
    const storage = memoryStorage();
    const authorize = new URL(await beginSignIn(config, "https://owners.example", storage));
    expect(authorize.origin + authorize.pathname).toBe(
      "https://owners.auth.example/oauth2/authorize",
    );
    const q = authorize.searchParams;
    expect(q.get("response_type")).toBe("code");
    expect(q.get("redirect_uri")).toBe("https://owners.example/auth/callback");
    expect(q.get("code_challenge_method")).toBe("S256");

    let tokenRequest: URLSearchParams | undefined;
    const fetchImpl = (async (url: string, init: RequestInit) => {
      expect(url).toBe("https://owners.auth.example/oauth2/token");
      tokenRequest = new URLSearchParams(String(init.body));
      return Response.json({ id_token: "id.token.here", access_token: "a" });
    }) as unknown as typeof fetch;
    const callback = `https://owners.example/auth/callback?code=abc&state=${q.get("state")}`;
    expect(
      await completeSignIn(config, callback, "https://owners.example", storage, fetchImpl),
    ).toEqual({ idToken: "id.token.here" });
    expect(tokenRequest?.get("grant_type")).toBe("authorization_code");
    expect(await codeChallenge(tokenRequest?.get("code_verifier") ?? "")).toBe(
      q.get("code_challenge"),
    );
  });

  it("refuses a callback whose state it did not start", async () => {
    const storage = memoryStorage();
    await beginSignIn(config, "https://owners.example", storage);
    await expect(
      completeSignIn(
        config,
        "https://owners.example/auth/callback?code=abc&state=forged",
        "https://owners.example",
        storage,
      ),
    ).rejects.toThrow(/does not match/);
  });

  it("renews the id token with the refresh token at the token endpoint", async () => {
    const requests: { url: string; body: URLSearchParams }[] = [];
    const tokenEndpoint = (async (url: string, init: RequestInit) => {
      requests.push({ url, body: new URLSearchParams(String(init.body)) });
      return Response.json({ id_token: "renewed.id.token", access_token: "a" });
    }) as unknown as typeof fetch;
    expect(await refreshIdToken(config, "refresh-1", tokenEndpoint)).toBe("renewed.id.token");
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toBe("https://owners.auth.example/oauth2/token");
    expect(Object.fromEntries(requests[0]?.body ?? [])).toEqual({
      grant_type: "refresh_token",
      client_id: "client-1",
      refresh_token: "refresh-1",
    });
  });

  it("hands back the refresh token of a sign-in, and fails on a refused refresh", async () => {
    const storage = memoryStorage();
    const q = new URL(await beginSignIn(config, "https://owners.example", storage)).searchParams;
    const signIn = (async () =>
      Response.json({ id_token: "i", refresh_token: "r" })) as unknown as typeof fetch;
    const callback = `https://owners.example/auth/callback?code=abc&state=${q.get("state")}`;
    expect(
      await completeSignIn(config, callback, "https://owners.example", storage, signIn),
    ).toEqual({ idToken: "i", refreshToken: "r" });
    const refused = (async () =>
      Response.json({ error: "invalid_grant" }, { status: 400 })) as unknown as typeof fetch;
    await expect(refreshIdToken(config, "revoked", refused)).rejects.toThrow(/400/);
  });
});
