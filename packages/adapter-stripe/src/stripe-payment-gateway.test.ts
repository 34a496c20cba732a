import type { Clock } from "@owners/app";
import { failWith, succeed } from "@owners/app/testing";
import {
  instant,
  type OwnerId,
  type OwnershipId,
  type PlanId,
  type ProducerId,
  type Yen,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkoutExpiresAt, konbiniVoucherDays } from "./checkout-expiry.ts";
import { makeStripeClient } from "./stripe-client.ts";
import { makeStripePaymentGateway } from "./stripe-payment-gateway.ts";
import { makeStripePayoutAccounts } from "./stripe-payout-accounts.ts";
import { type FakeStripeServer, startFakeStripe } from "./testing/fake-stripe-server.ts";

const NOW = instant("2026-12-02T09:00:00.000Z");
const nowSeconds = Date.parse(NOW) / 1000;
const clock: Clock = { now: () => NOW };

let server: FakeStripeServer;
const clientOf = (s: FakeStripeServer) =>
  makeStripeClient({
    secretKey: "sk_test_owners",
    host: s.host,
    port: s.port,
    protocol: "http",
    maxNetworkRetries: 0,
  });

beforeEach(async () => {
  server = await startFakeStripe({ now: () => nowSeconds });
});
afterEach(async () => {
  await server.close();
});

const request = {
  idempotencyKey: "reserve:own_1",
  ownershipId: "own_1" as OwnershipId,
  planId: "plan_figs" as PlanId,
  ownerId: "owner-sato" as OwnerId,
  amountYen: 13_200 as Yen,
  applicationFeeYen: 1_320 as Yen,
  destinationAccountId: "acct_producer",
  description: "Tree-ripened figs, 2 shares",
  expiresAt: instant("2026-12-02T11:00:00.000Z"),
  returnUrl: "https://owners.example.jp/me/harvest",
};

describe("Stripe checkout", () => {
  it("opens a one-item JPY Checkout Session as a destination charge, under the key", async () => {
    const gateway = makeStripePaymentGateway({
      stripe: clientOf(server),
      webhookSecret: "whsec_x",
      clock,
    });
    const session = await succeed(gateway.startCheckout(request));
    const sent = server.requests.at(-1);
    expect(sent).toMatchObject({
      method: "POST",
      path: "/v1/checkout/sessions",
      idempotencyKey: "reserve:own_1",
      authorization: "Bearer sk_test_owners",
      contentType: "application/x-www-form-urlencoded",
    });
    const metadata = { ownershipId: "own_1", planId: "plan_figs", ownerId: "owner-sato" };
    expect(sent?.params).toEqual({
      mode: "payment",
      line_items: {
        "0": {
          quantity: "1",
          price_data: {
            currency: "jpy",
            unit_amount: "13200",
            product_data: { name: "Tree-ripened figs, 2 shares" },
          },
        },
      },
      expires_at: String(nowSeconds + 2 * 3600),
      // A 2-hour hold: the voucher is payable until the end of the next JST day, not Stripe's 3.
      payment_method_options: { konbini: { expires_after_days: "1" } },
      client_reference_id: "own_1",
      success_url:
        "https://owners.example.jp/me/harvest?checkout=success&session_id={CHECKOUT_SESSION_ID}",
      cancel_url: "https://owners.example.jp/me/harvest?checkout=cancelled",
      metadata,
      payment_intent_data: {
        description: "Tree-ripened figs, 2 shares",
        metadata,
        application_fee_amount: "1320",
        transfer_data: { destination: "acct_producer" },
      },
    });
    // No payment_method_types: the account's automatic payment methods (cards, konbini...).
    expect(sent?.rawBody).not.toContain("payment_method_types");
    expect(session).toEqual({
      paymentId: expect.stringMatching(/^cs_test_/),
      checkoutUrl: `https://checkout.stripe.test/c/pay/${session.paymentId}`,
      expiresAt: "2026-12-02T11:00:00.000Z",
    });
  });

  it("sends no fee or transfer without a producer account", async () => {
    const gateway = makeStripePaymentGateway({
      stripe: clientOf(server),
      webhookSecret: "w",
      clock,
    });
    const { destinationAccountId: _, ...direct } = request;
    await succeed(gateway.startCheckout(direct));
    const data = server.requests.at(-1)?.params.payment_intent_data as Record<string, unknown>;
    expect(data.application_fee_amount).toBeUndefined();
    expect(data.transfer_data).toBeUndefined();
  });

  it("stretches a hold shorter than Stripe's 30 minutes, on a grid a retry lands on again", async () => {
    const gateway = makeStripePaymentGateway({
      stripe: clientOf(server),
      webhookSecret: "w",
      clock,
    });
    const short = { ...request, expiresAt: instant("2026-12-02T09:30:00.000Z") };
    const session = await succeed(gateway.startCheckout(short));
    expect(session.expiresAt).toBe("2026-12-02T09:45:00.000Z");
    expect(await succeed(gateway.startCheckout(short))).toEqual(session);
    // The same parameters twice: Stripe replays the first session instead of refusing the key.
    const creates = server.requests.filter((r) => r.path === "/v1/checkout/sessions");
    expect(creates).toHaveLength(2);
    expect(creates[1]?.rawBody).toBe(creates[0]?.rawBody);
  });

  it("keeps expires_at inside 30 minutes..24 hours whatever the hold", () => {
    for (const minutes of [-10, 0, 29, 30, 31, 35, 60, 23 * 60, 24 * 60, 3 * 24 * 60]) {
      const at = checkoutExpiresAt(nowSeconds + minutes * 60, nowSeconds);
      expect(at - nowSeconds).toBeGreaterThanOrEqual(32 * 60);
      expect(at - nowSeconds).toBeLessThanOrEqual(24 * 3600 - 2 * 60);
    }
    expect(checkoutExpiresAt(nowSeconds + 3600, nowSeconds)).toBe(nowSeconds + 3600);
  });

  it("keeps a konbini voucher payable about as long as the hold, 1..60 days", () => {
    const day = 24 * 3600;
    const days = (holdSeconds: number) => konbiniVoucherDays(nowSeconds + holdSeconds, nowSeconds);
    expect(days(-60)).toBe(1);
    expect(days(30 * 60)).toBe(1);
    expect(days(day)).toBe(1);
    expect(days(day + 1)).toBe(2);
    expect(days(3 * day)).toBe(3);
    expect(days(90 * day)).toBe(60);
  });

  it("reads a session's state and intent, and expires only an open one", async () => {
    const gateway = makeStripePaymentGateway({
      stripe: clientOf(server),
      webhookSecret: "w",
      clock,
    });
    const open = await succeed(gateway.startCheckout(request));
    expect(await succeed(gateway.lookupPayment(open.paymentId))).toEqual({
      paymentId: open.paymentId,
      state: "pending",
      amountYen: 13_200,
    });
    expect(await succeed(gateway.expireCheckout(open.paymentId))).toMatchObject({
      state: "expired",
    });
    const expire = server.requests.find((r) => r.path.endsWith("/expire"));
    expect(expire?.idempotencyKey).toBe(`expire:${open.paymentId}`);

    const paid = await succeed(
      gateway.startCheckout({ ...request, idempotencyKey: "reserve:own_2" }),
    );
    server.settle(paid.paymentId, "succeeded");
    const before = server.requests.length;
    const lookup = await succeed(gateway.expireCheckout(paid.paymentId));
    expect(lookup).toMatchObject({
      state: "succeeded",
      paymentIntentId: expect.stringMatching(/^pi_/),
    });
    // A paid session is not asked to expire.
    expect(server.requests.slice(before).map((r) => r.method)).toEqual(["GET"]);
    expect(server.requests.at(-1)?.params).toEqual({ expand: { "0": "payment_intent" } });
  });

  it("tells a konbini voucher that lapsed as failed", async () => {
    const gateway = makeStripePaymentGateway({
      stripe: clientOf(server),
      webhookSecret: "w",
      clock,
    });
    const session = await succeed(gateway.startCheckout(request));
    server.settle(session.paymentId, "pending");
    expect((await succeed(gateway.lookupPayment(session.paymentId))).state).toBe("pending");
    server.settle(session.paymentId, "failed");
    expect((await succeed(gateway.lookupPayment(session.paymentId))).state).toBe("failed");
  });
});

describe("Stripe refunds", () => {
  const paidIntent = async () => {
    const gateway = makeStripePaymentGateway({
      stripe: clientOf(server),
      webhookSecret: "w",
      clock,
    });
    const session = await succeed(gateway.startCheckout(request));
    server.settle(session.paymentId, "succeeded");
    const lookup = await succeed(gateway.lookupPayment(session.paymentId));
    return { gateway, intent: lookup.paymentIntentId ?? "" };
  };

  it("refunds by PaymentIntent, reversing the transfer and the fee, under the key", async () => {
    const { gateway, intent } = await paidIntent();
    const receipt = await succeed(
      gateway.refundPayment({
        idempotencyKey: "refund:own_1:1",
        paymentIntentId: intent,
        amountYen: 4_400 as Yen,
        planId: request.planId,
        ownershipId: request.ownershipId,
      }),
    );
    expect(receipt).toEqual({
      refundId: expect.stringMatching(/^re_/),
      state: "succeeded",
      amountYen: 4_400,
    });
    expect(server.requests.at(-1)).toMatchObject({
      method: "POST",
      path: "/v1/refunds",
      idempotencyKey: "refund:own_1:1",
      params: {
        payment_intent: intent,
        amount: "4400",
        reverse_transfer: "true",
        refund_application_fee: "true",
        metadata: { planId: "plan_figs", ownershipId: "own_1", refundKey: "refund:own_1:1" },
      },
    });
    // Its later word (a refund that fails after it succeeded) hands the key and subject back.
    const sent = server.book.refundEvent(receipt.refundId) as { data: { object: object } };
    const body = JSON.stringify(
      server.book.event("refund.updated", { ...sent.data.object, status: "failed" }),
    );
    const event = gateway.verifyEvent(
      body,
      Stripe.webhooks.generateTestHeaderString({ payload: body, secret: "w" }),
    );
    expect(event).toEqual(
      E.right(
        expect.objectContaining({
          kind: "refund.updated",
          refundId: receipt.refundId,
          state: "failed",
          refundKey: "refund:own_1:1",
          planId: "plan_figs",
          ownershipId: "own_1",
        }),
      ),
    );
    expect(await succeed(gateway.planTotals(request.planId))).toEqual({
      chargedYen: 13_200,
      refundedYen: 4_400,
      feesYen: 1_320 - 440,
      payoutYen: 11_880 - 3_960,
    });
    const search = server.requests.at(-1);
    expect(search?.path).toBe("/v1/payment_intents/search");
    expect(search?.params).toMatchObject({ query: "metadata['planId']:'plan_figs'", limit: "100" });
  });

  it("maps Stripe's refusals to DECLINED and outages to UNAVAILABLE, without Stripe's text", async () => {
    const { gateway, intent } = await paidIntent();
    const refund = (key: string, amountYen: number) =>
      gateway.refundPayment({
        idempotencyKey: key,
        paymentIntentId: intent,
        amountYen: amountYen as Yen,
        planId: request.planId,
        ownershipId: request.ownershipId,
      });
    const tooMuch = await failWith(refund("refund:too-much", 13_201));
    expect(tooMuch).toMatchObject({
      _tag: "PAYMENT.DECLINED",
      details: { stripeError: "StripeInvalidRequestError", code: "amount_too_large" },
    });
    expect(JSON.stringify(tooMuch)).not.toContain(intent);
    await succeed(refund("refund:reused", 100));
    expect(await failWith(refund("refund:reused", 200))).toMatchObject({
      _tag: "PAYMENT.DECLINED",
      details: { stripeError: "StripeIdempotencyError" },
    });
    server.failNext(429, {
      type: "invalid_request_error",
      code: "rate_limit",
      message: "Too many requests",
    });
    expect((await failWith(refund("refund:later", 100)))._tag).toBe("PAYMENT.UNAVAILABLE");
    server.failNext(500, { type: "api_error", message: "Something went wrong" });
    expect((await failWith(refund("refund:later", 100)))._tag).toBe("PAYMENT.UNAVAILABLE");
  });

  it("answers UNAVAILABLE when Stripe cannot be reached", async () => {
    const { port } = server;
    await server.close();
    const gateway = makeStripePaymentGateway({
      stripe: makeStripeClient({
        secretKey: "sk_test_x",
        host: "127.0.0.1",
        port,
        protocol: "http",
        maxNetworkRetries: 0,
      }),
      webhookSecret: "w",
      clock,
    });
    expect(await failWith(gateway.lookupPayment("cs_test_1"))).toMatchObject({
      _tag: "PAYMENT.UNAVAILABLE",
      details: { stripeError: "StripeConnectionError" },
    });
    server = await startFakeStripe();
  });
});

describe("Stripe payout accounts", () => {
  it("opens one Express account in Japan per producer, links and status", async () => {
    const accounts = makeStripePayoutAccounts({ stripe: clientOf(server) });
    const created = await succeed(accounts.createAccount("prod_kobayashi" as ProducerId));
    expect(created).toEqual({
      accountId: expect.stringMatching(/^acct_/),
      chargesEnabled: false,
      payoutsEnabled: false,
      detailsSubmitted: false,
    });
    expect(await succeed(accounts.createAccount("prod_kobayashi" as ProducerId))).toEqual(created);
    const sent = server.requests.filter((r) => r.path === "/v1/accounts");
    expect(sent.map((r) => r.idempotencyKey)).toEqual([
      "payout-account:prod_kobayashi",
      "payout-account:prod_kobayashi",
    ]);
    expect(sent[0]?.params).toEqual({
      type: "express",
      country: "JP",
      capabilities: { card_payments: { requested: "true" }, transfers: { requested: "true" } },
      metadata: { producerId: "prod_kobayashi" },
    });
    const link = await succeed(
      accounts.onboardingLink(
        created.accountId,
        "https://o.example/back",
        "https://o.example/again",
      ),
    );
    expect(link).toBe(`https://connect.stripe.test/setup/e/${created.accountId}`);
    expect(server.requests.at(-1)?.params).toEqual({
      account: created.accountId,
      type: "account_onboarding",
      return_url: "https://o.example/back",
      refresh_url: "https://o.example/again",
    });
    expect(await succeed(accounts.dashboardLink(created.accountId))).toBe(
      `https://connect.stripe.test/express/${created.accountId}`,
    );
    expect(await succeed(accounts.accountStatus(created.accountId))).toEqual(created);
    expect((await failWith(accounts.accountStatus("acct_missing")))._tag).toBe("PAYMENT.DECLINED");
  });
});
