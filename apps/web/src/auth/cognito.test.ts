import { describe, expect, it } from "vitest";
import { beginSignIn, completeSignIn } from "./cognito";
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
    ).toBe("id.token.here");
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
});
