import { describe, expect, it } from "vitest";
import { DEV_CURSOR_SECRET, readConfig } from "./config.ts";

const SECRET = "api-test-secret-api-test-secret-0123";
const JWKS = "https://cognito-idp.ap-northeast-1.amazonaws.com/pool/.well-known/jwks.json";

const messageOf = (env: Record<string, string>): string => {
  try {
    readConfig(env);
    return "";
  } catch (error) {
    return (error as Error).message;
  }
};

describe("readConfig", () => {
  it("refuses dev login in Lambda or next to a real identity provider", () => {
    const dev = { OWNERS_DEV_LOGIN: "on", OWNERS_JWT_SECRET: SECRET };
    expect(messageOf({ ...dev, AWS_LAMBDA_FUNCTION_NAME: "owners-staging-api" })).toContain(
      "OWNERS_DEV_LOGIN=on cannot run in Lambda",
    );
    expect(messageOf({ ...dev, OWNERS_JWKS_URL: JWKS })).toContain(
      "OWNERS_DEV_LOGIN=on cannot run with OWNERS_JWKS_URL",
    );
    expect(messageOf(dev)).toBe("");
  });

  it("needs a cursor secret outside dev: there is no public default", () => {
    const aws = { OWNERS_STORE: "dynamodb", OWNERS_JWKS_URL: JWKS };
    expect(messageOf(aws)).toContain("set OWNERS_CURSOR_SECRET");
    expect(
      messageOf({
        OWNERS_JWT_SECRET: SECRET,
        OWNERS_STORE: "memory",
        AWS_LAMBDA_FUNCTION_NAME: "owners-staging-api",
      }),
    ).toContain("set OWNERS_CURSOR_SECRET");
    const set = readConfig({ ...aws, OWNERS_CURSOR_SECRET: "c".repeat(32) });
    expect(set.OWNERS_CURSOR_SECRET).toBe("c".repeat(32));
  });

  it("keeps the dev cursor secret for the memory store, dev login and a local endpoint", () => {
    for (const env of [
      { OWNERS_JWT_SECRET: SECRET },
      { OWNERS_JWT_SECRET: SECRET, OWNERS_STORE: "dynamodb", OWNERS_DEV_LOGIN: "on" },
      {
        OWNERS_JWKS_URL: JWKS,
        OWNERS_STORE: "dynamodb",
        OWNERS_DYNAMODB_ENDPOINT: "http://127.0.0.1:8000",
      },
    ])
      expect(readConfig(env).OWNERS_CURSOR_SECRET, JSON.stringify(env)).toBe(DEV_CURSOR_SECRET);
  });
});
