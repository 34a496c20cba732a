import { forgetLoadedSecrets } from "@owners/adapter-secrets-manager";
import { devOnlyKind } from "@owners/app";
import { ownerId } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDeployedApi } from "./deployed-api.ts";

/** A staging Lambda's environment as the stack sets it, secrets already resolved. */
const LAMBDA_ENV = {
  AWS_LAMBDA_FUNCTION_NAME: "owners-staging-api",
  AWS_REGION: "ap-northeast-1",
  OWNERS_STORE: "dynamodb",
  OWNERS_TABLE: "owners-staging",
  OWNERS_CURSOR_SECRET: "staging-cursor-secret-0123456789",
  OWNERS_JWKS_URL: "https://cognito-idp.ap-northeast-1.amazonaws.com/pool/.well-known/jwks.json",
  OWNERS_JWT_ISSUER: "https://cognito-idp.ap-northeast-1.amazonaws.com/pool",
  OWNERS_LOG_LEVEL: "silent",
  OWNERS_USER_POOL_ID: "ap-northeast-1_STAGING",
};
const STRIPE = {
  OWNERS_STRIPE_SECRET_KEY: "sk_test_staging",
  OWNERS_STRIPE_WEBHOOK_SECRET: "whsec_staging",
};

// The secrets are read once per process: each test starts from none (another file may have loaded some).
beforeEach(() => forgetLoadedSecrets());
afterEach(() => forgetLoadedSecrets());

describe("the deployed API's composition", () => {
  it("refuses to start in Lambda with the in-process payment processor", async () => {
    await expect(createDeployedApi(LAMBDA_ENV)).rejects.toThrow(
      /will not start in AWS with dev-only adapters bound: payments \(in-memory payment gateway\), payoutAccounts \(in-memory payout accounts\), payoutAccountStore \(payout accounts created on first use\), paymentSimulator/,
    );
  });

  it("refuses to start in Lambda without the user pool: the local identity twin stays dev-only", async () => {
    const { OWNERS_USER_POOL_ID: _pool, ...withoutPool } = LAMBDA_ENV;
    await expect(createDeployedApi({ ...withoutPool, ...STRIPE })).rejects.toThrow(
      /dev-only adapters bound: identityDirectory \(the local identity directory\)/,
    );
  });

  it("refuses the memory store in Lambda: its notifier sends nothing", async () => {
    await expect(
      createDeployedApi({ ...LAMBDA_ENV, ...STRIPE, OWNERS_STORE: "memory" }),
    ).rejects.toThrow(/notifier \(in-memory notifier\)/);
  });

  it("starts with Stripe on DynamoDB: real gateway, a simulator that refuses, no fake mail", async () => {
    const { ports } = await createDeployedApi({ ...LAMBDA_ENV, ...STRIPE });
    for (const port of [
      ports.payments,
      ports.payoutAccounts,
      // Plain: no account is lent on first use beside Stripe, publishing waits for onboarding.
      ports.payoutAccountStore,
      ports.paymentSimulator,
      ports.notifier,
      ports.identityDirectory,
    ])
      expect(devOnlyKind(port)).toBeUndefined();
    const settled = await ports.paymentSimulator.settle("cs_test_1", "succeeded")();
    expect(E.isLeft(settled) && settled.left._tag).toBe("PAYMENT.UNAVAILABLE");
    const flushed = await ports.notifier.deliver({
      id: "m1",
      recipientId: ownerId("7d4e1a52-90b1-4c1e-9b4f-3f0a8c1d2e11"),
      kind: "reservation-confirmed",
      subject: "s",
      body: "b",
      dedupeKey: "k",
    })();
    expect(E.isLeft(flushed) && flushed.left._tag).toBe("NOTIFY.UNAVAILABLE");
    // Stripe's verifier, with the configured secret: an unsigned body is refused.
    expect(E.isLeft(ports.payments.verifyEvent("{}", "t=1,v1=00"))).toBe(true);
  });

  it("takes the key from the ARN alias too, and wants both Stripe secrets or neither", async () => {
    const { ports } = await createDeployedApi({
      ...LAMBDA_ENV,
      OWNERS_STRIPE_SECRET: "sk_test_alias",
      OWNERS_STRIPE_WEBHOOK_SECRET: "whsec_staging",
    });
    expect(devOnlyKind(ports.payments)).toBeUndefined();
    forgetLoadedSecrets();
    await expect(
      createDeployedApi({ ...LAMBDA_ENV, OWNERS_STRIPE_SECRET_KEY: "sk_test_x" }),
    ).rejects.toThrow(/both OWNERS_STRIPE_SECRET_KEY and OWNERS_STRIPE_WEBHOOK_SECRET/);
  });
});
