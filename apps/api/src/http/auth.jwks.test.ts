import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi } from "../composition/container.ts";
import { testConfig } from "../testing/harness.ts";

const ISSUER = "https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_TEST";
const AUDIENCE = "owners-web-client";
const ADMIN_ISSUER = "https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_ADMINS";
const ADMIN_AUDIENCE = "owners-admin-client";

/** A user pool stand-in: a locally generated RS256 key pair, its public half served as a JWKS. */
describe("bearer tokens from a Cognito user pool (JWKS)", () => {
  let server: Server;
  let jwksUrl: string;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];
  let strangerKey: Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];

  beforeAll(async () => {
    const pair = await generateKeyPair("RS256");
    privateKey = pair.privateKey;
    strangerKey = (await generateKeyPair("RS256")).privateKey;
    const jwk = {
      ...(await exportJWK(pair.publicKey)),
      kid: "pool-key-1",
      alg: "RS256",
      use: "sig",
    };
    server = createServer((_req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const cognitoToken = (
    groups: string[],
    key = privateKey,
    issuer = ISSUER,
    claims: Record<string, unknown> = {},
    audience = AUDIENCE,
  ) =>
    new SignJWT({ ...claims, "cognito:groups": groups, token_use: "id" })
      .setProtectedHeader({ alg: "RS256", kid: "pool-key-1" })
      .setSubject("5f0c-cognito-user")
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(key);

  it("accepts the pool's tokens with the role from cognito:groups, and nothing else", async () => {
    const { app } = createApi(
      testConfig({
        OWNERS_DEV_LOGIN: "off",
        OWNERS_JWKS_URL: jwksUrl,
        OWNERS_JWT_ISSUER: ISSUER,
        OWNERS_JWT_AUDIENCE: AUDIENCE,
      }),
      { logger: pino({ level: "silent" }) },
    );
    const get = async (token: string) =>
      (await app.request("/me/ownerships", { headers: { authorization: `Bearer ${token}` } }))
        .status;
    expect(await get(await cognitoToken(["owners"]))).toBe(200);
    expect(await get(await cognitoToken(["owners", "producers"]))).toBe(403);
    expect(await get(await cognitoToken(["producers"]))).toBe(403);
    // Everyone who confirmed sign-up is an owner, in a group or not.
    expect(await get(await cognitoToken([]))).toBe(200);
    expect(await get(await cognitoToken(["owners"], strangerKey))).toBe(401);
    expect(await get(await cognitoToken(["owners"], privateKey, "https://evil.example"))).toBe(401);
  });

  it("takes the role from groups alone: a role claim is ignored, admins only from their pool", async () => {
    const { app } = createApi(
      testConfig({
        OWNERS_DEV_LOGIN: "off",
        OWNERS_JWKS_URL: jwksUrl,
        OWNERS_JWT_ISSUER: ISSUER,
        OWNERS_JWT_AUDIENCE: AUDIENCE,
        OWNERS_ADMIN_JWKS_URL: jwksUrl,
        OWNERS_ADMIN_JWT_ISSUER: ADMIN_ISSUER,
        OWNERS_ADMIN_JWT_AUDIENCE: ADMIN_AUDIENCE,
      }),
      { logger: pino({ level: "silent" }) },
    );
    const status = async (token: string, path: string) =>
      (await app.request(path, { headers: { authorization: `Bearer ${token}` } })).status;
    const admin = "/admin/reconciliation";
    // A role claim with no group: an owner, never the role it claims.
    const claimsAdmin = await cognitoToken([], privateKey, ISSUER, { role: "admin" });
    expect(await status(claimsAdmin, "/me/ownerships")).toBe(200);
    expect(await status(claimsAdmin, admin)).toBe(403);
    const claimsProducer = await cognitoToken([], privateKey, ISSUER, { role: "producer" });
    expect(await status(claimsProducer, "/producers/me/payout-account")).toBe(403);
    // An `admins` group in the people's pool gives nothing beyond an owner.
    expect(await status(await cognitoToken(["admins"]), admin)).toBe(403);
    // The admins' pool (MFA required there): admin for its `admins`, nobody else.
    const fromAdminPool = (groups: string[]) =>
      cognitoToken(groups, privateKey, ADMIN_ISSUER, {}, ADMIN_AUDIENCE);
    expect(await status(await fromAdminPool(["admins"]), admin)).toBe(200);
    expect(await status(await fromAdminPool([]), admin)).toBe(401);
    // A people's-pool audience on an admin-pool issuer is refused.
    expect(await status(await cognitoToken(["admins"], privateKey, ADMIN_ISSUER), admin)).toBe(401);
  });
});
