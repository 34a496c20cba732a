import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi } from "../composition/container.ts";
import { testConfig } from "../testing/harness.ts";

const ISSUER = "https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_TEST";
const AUDIENCE = "owners-web-client";

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

  const cognitoToken = (groups: string[], key = privateKey, issuer = ISSUER) =>
    new SignJWT({ "cognito:groups": groups, token_use: "id" })
      .setProtectedHeader({ alg: "RS256", kid: "pool-key-1" })
      .setSubject("5f0c-cognito-user")
      .setIssuer(issuer)
      .setAudience(AUDIENCE)
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
    expect(await get(await cognitoToken(["owner"]))).toBe(200);
    expect(await get(await cognitoToken(["producer"]))).toBe(403);
    expect(await get(await cognitoToken([]))).toBe(401);
    expect(await get(await cognitoToken(["owner"], strangerKey))).toBe(401);
    expect(await get(await cognitoToken(["owner"], privateKey, "https://evil.example"))).toBe(401);
  });
});
