import { describe, expect, it } from "vitest";
import { loadConfig, parseConfig } from "./config";

describe("config.json", () => {
  it("reads the local shape: dev login, API on /api", () => {
    expect(parseConfig({ apiBase: "/api/", auth: "dev" })).toEqual({
      apiBase: "/api",
      auth: "dev",
    });
  });

  it("reads the AWS shape: Cognito hosted UI", () => {
    expect(
      parseConfig({
        apiBase: "/api",
        auth: { cognito: { domain: "owners.auth.example", clientId: "abc", scopes: ["openid"] } },
      }),
    ).toEqual({
      apiBase: "/api",
      auth: { cognito: { domain: "owners.auth.example", clientId: "abc", scopes: ["openid"] } },
    });
  });

  it("reads the admins' pool beside the people's (the console's sign-in, MFA required)", () => {
    const cognito = { domain: "owners.auth.example", clientId: "abc" };
    const adminCognito = { domain: "owners-admin.auth.example", clientId: "adm" };
    expect(parseConfig({ apiBase: "/api", auth: { cognito, adminCognito } })).toEqual({
      apiBase: "/api",
      auth: { cognito, adminCognito },
    });
    expect(() =>
      parseConfig({ apiBase: "/api", auth: { cognito, adminCognito: { domain: "d" } } }),
    ).toThrow(/auth.adminCognito.clientId is missing/);
  });

  it.each([
    [null, /not an object/],
    [{ auth: "dev" }, /apiBase is missing/],
    [{ apiBase: "/api", auth: "password" }, /auth must be/],
    [{ apiBase: "/api", auth: { cognito: { domain: "d" } } }, /clientId is missing/],
  ])("refuses %j, naming what is wrong", (raw, message) => {
    expect(() => parseConfig(raw)).toThrow(message);
  });

  it("fetches /config.json fresh (a deploy can change it without a rebuild)", async () => {
    const seen: RequestInit[] = [];
    const config = await loadConfig((async (_url: string, init: RequestInit) => {
      seen.push(init);
      return Response.json({ apiBase: "/api", auth: "dev" });
    }) as unknown as typeof fetch);
    expect(config.auth).toBe("dev");
    expect(seen[0]?.cache).toBe("no-store");
  });
});
