import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { forgetLoadedSecrets, loadSecretEnv } from "./secrets-manager.ts";

const sm = mockClient(SecretsManagerClient);
const CURSOR_ARN = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:owners/cursor-AbCdEf";
const ORIGIN_ARN = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:owners/origin-GhIjKl";

afterEach(() => {
  sm.reset();
  forgetLoadedSecrets();
});

describe("loadSecretEnv", () => {
  it("reads each *_SECRET_ARN from Secrets Manager into its *_SECRET variable", async () => {
    sm.on(GetSecretValueCommand, { SecretId: CURSOR_ARN }).resolves({
      SecretString: "cursor-value",
    });
    sm.on(GetSecretValueCommand, { SecretId: ORIGIN_ARN }).resolves({
      SecretString: "origin-value",
    });
    const env = await loadSecretEnv({
      OWNERS_TABLE: "owners-staging",
      OWNERS_CURSOR_SECRET_ARN: CURSOR_ARN,
      OWNERS_ORIGIN_SECRET_ARN: ORIGIN_ARN,
    });
    expect(env).toMatchObject({
      OWNERS_TABLE: "owners-staging",
      OWNERS_CURSOR_SECRET: "cursor-value",
      OWNERS_ORIGIN_SECRET: "origin-value",
    });
    expect(
      sm
        .commandCalls(GetSecretValueCommand)
        .map((c) => c.args[0].input.SecretId)
        .sort(),
    ).toEqual([CURSOR_ARN, ORIGIN_ARN].sort());
  });

  it("reads the Stripe keys' ARNs into the variables the configs read", async () => {
    const key = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:owners/stripe-key-Ab";
    const hook = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:owners/stripe-hook-Cd";
    sm.on(GetSecretValueCommand, { SecretId: key }).resolves({ SecretString: "sk_live_x" });
    sm.on(GetSecretValueCommand, { SecretId: hook }).resolves({ SecretString: "whsec_x" });
    const env = await loadSecretEnv({
      OWNERS_STRIPE_SECRET_KEY_ARN: key,
      OWNERS_STRIPE_WEBHOOK_SECRET_ARN: hook,
    });
    expect(env).toMatchObject({
      OWNERS_STRIPE_SECRET_KEY: "sk_live_x",
      OWNERS_STRIPE_WEBHOOK_SECRET: "whsec_x",
    });
  });

  it("reads once per process: a second call makes no request", async () => {
    sm.on(GetSecretValueCommand).resolves({ SecretString: "cursor-value" });
    const env = { OWNERS_CURSOR_SECRET_ARN: CURSOR_ARN };
    const first = await loadSecretEnv(env);
    expect(await loadSecretEnv(env)).toBe(first);
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it("fails the start when a secret cannot be read or has no string", async () => {
    sm.on(GetSecretValueCommand).rejects(new Error("AccessDeniedException"));
    await expect(loadSecretEnv({ OWNERS_CURSOR_SECRET_ARN: CURSOR_ARN })).rejects.toThrow(
      /AccessDenied/,
    );
    forgetLoadedSecrets();
    sm.reset();
    sm.on(GetSecretValueCommand).resolves({ SecretBinary: new Uint8Array([1]) });
    await expect(loadSecretEnv({ OWNERS_CURSOR_SECRET_ARN: CURSOR_ARN })).rejects.toThrow(
      /no string value/,
    );
  });

  it("leaves an environment without secret ARNs as it is, calling nothing", async () => {
    expect(await loadSecretEnv({ OWNERS_CURSOR_SECRET: "local" })).toEqual({
      OWNERS_CURSOR_SECRET: "local",
    });
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(0);
  });
});
