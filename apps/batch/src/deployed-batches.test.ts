import { devOnlyKind } from "@owners/app";
import { describe, expect, it } from "vitest";
import { readBatchConfig } from "./config.ts";
import { composeDeployedBatches } from "./deployed-batches.ts";

/** A staging batch Lambda's environment as the stack sets it, secrets already resolved. */
const LAMBDA_ENV = {
  AWS_LAMBDA_FUNCTION_NAME: "owners-staging-batch",
  AWS_REGION: "ap-northeast-1",
  OWNERS_STORE: "dynamodb",
  OWNERS_TABLE: "owners-staging",
  OWNERS_CURSOR_SECRET: "staging-cursor-secret-0123456789",
  OWNERS_NOTIFIER: "ses",
  OWNERS_SES_FROM: "OWNERS <noreply@owners.example.jp>",
  OWNERS_USER_POOL_ID: "ap-northeast-1_AbC123xyz",
  OWNERS_WARM_FUNCTION_NAME: "owners-staging-api",
};

describe("the deployed batches' composition", () => {
  it("refuses to start in Lambda with the in-process payment gateway", async () => {
    await expect(composeDeployedBatches(readBatchConfig(LAMBDA_ENV))).rejects.toThrow(
      /the batches: will not start in AWS with dev-only adapters bound: payments \(in-memory payment gateway\)/,
    );
  });

  it("refuses the memory notifier in Lambda, even with Stripe", async () => {
    const env = { ...LAMBDA_ENV, OWNERS_NOTIFIER: "memory", OWNERS_STRIPE_SECRET_KEY: "sk_test_x" };
    await expect(composeDeployedBatches(readBatchConfig(env))).rejects.toThrow(
      /notifier \(in-memory notifier\)/,
    );
  });

  it("refuses to keep the API's warm-up in memory in Lambda (the stack names the function)", async () => {
    const { OWNERS_WARM_FUNCTION_NAME: _named, ...env } = {
      ...LAMBDA_ENV,
      OWNERS_STRIPE_SECRET_KEY: "sk_test_x",
    };
    await expect(composeDeployedBatches(readBatchConfig(env))).rejects.toThrow(
      /provisionedConcurrency \(in-memory provisioned concurrency\)/,
    );
  });

  it("starts with Stripe and SES", async () => {
    const batches = await composeDeployedBatches(
      readBatchConfig({ ...LAMBDA_ENV, OWNERS_STRIPE_SECRET: "sk_test_alias" }),
    );
    try {
      expect(devOnlyKind(batches.ports.payments)).toBeUndefined();
      expect(devOnlyKind(batches.ports.notifier)).toBeUndefined();
      expect(Object.keys(batches.ports)).toContain("payments");
    } finally {
      batches.close();
    }
  });
});
