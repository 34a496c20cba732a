import { systemClock } from "@owners/adapter-local";
import type { AppError, PaymentEvent } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { verifyStripeEvent } from "./event-translation.ts";
import { makeStripeBook } from "./local/stripe-book.ts";
import { makeStripePaymentGateway } from "./stripe-payment-gateway.ts";

const SECRET = "whsec_translation_test";
const now = () => Math.floor(Date.now() / 1000);
const book = makeStripeBook({ now, checkoutUrl: "https://checkout.test", accountsReady: true });
const gateway = makeStripePaymentGateway({
  stripe: new Stripe("sk_test_unused"),
  webhookSecret: SECRET,
  clock: systemClock,
});

const sign = (payload: string, options: { secret?: string; timestamp?: number } = {}) =>
  Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? SECRET,
    ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
  });

const verify = (event: object): E.Either<AppError, PaymentEvent> => {
  const body = JSON.stringify(event);
  return gateway.verifyEvent(body, sign(body));
};

const translated = (event: object): PaymentEvent => {
  const result = verify(event);
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

const session = (metadata = { ownershipId: "own_1", planId: "plan_figs", ownerId: "o" }) =>
  book.createSession({
    amount: 6_600,
    name: "figs",
    expiresAt: now() + 3600,
    successUrl: "https://s",
    cancelUrl: "https://c",
    metadata,
    applicationFeeAmount: 660,
    destination: "acct_1",
  });

describe("Stripe webhooks", () => {
  it("refuses a missing, wrong, foreign or stale signature, and a changed body", () => {
    const body = JSON.stringify(book.event("checkout.session.expired", session()));
    const tag = (result: E.Either<AppError, PaymentEvent>) =>
      E.isLeft(result) ? result.left._tag : "accepted";
    expect(tag(gateway.verifyEvent(body, sign(body)))).toBe("accepted");
    expect(tag(gateway.verifyEvent(body, undefined))).toBe("PAYMENT.BAD_SIGNATURE");
    expect(tag(gateway.verifyEvent(body, ""))).toBe("PAYMENT.BAD_SIGNATURE");
    expect(tag(gateway.verifyEvent(body, "t=1,v1=abc"))).toBe("PAYMENT.BAD_SIGNATURE");
    expect(tag(gateway.verifyEvent(body, sign(body, { secret: "whsec_other" })))).toBe(
      "PAYMENT.BAD_SIGNATURE",
    );
    expect(tag(gateway.verifyEvent(body, sign(body, { timestamp: now() - 301 })))).toBe(
      "PAYMENT.BAD_SIGNATURE",
    );
    expect(tag(gateway.verifyEvent(`${body} `, sign(body)))).toBe("PAYMENT.BAD_SIGNATURE");
    const stale = gateway.verifyEvent(body, sign(body, { timestamp: now() - 3600 }));
    expect(E.isLeft(stale) && stale.left.message).toMatch(/tolerance/i);
  });

  it("keeps the tolerance configurable", () => {
    const body = JSON.stringify(book.event("checkout.session.expired", session()));
    const old = sign(body, { timestamp: now() - 3600 });
    expect(
      E.isRight(verifyStripeEvent(new Stripe("sk_test_x").webhooks, SECRET, body, old, 7200)),
    ).toBe(true);
  });

  it("translates checkout: paid card, konbini pending then paid or lapsed, expiry", () => {
    const card = session();
    const [completed] = book.settle(String(card.id), "succeeded");
    const paid = translated(completed as object);
    expect(paid).toEqual({
      eventId: (completed as { id: string }).id,
      createdAt: expect.any(String),
      kind: "payment.succeeded",
      paymentId: card.id,
      ownershipId: "own_1",
      planId: "plan_figs",
      paymentIntentId: expect.stringMatching(/^pi_/),
      amountYen: 6_600,
    });
    expect(Date.parse(paid.createdAt)).toBeGreaterThan(0);

    const konbini = session();
    const [voucher] = book.settle(String(konbini.id), "pending");
    expect(translated(voucher as object)).toMatchObject({
      kind: "payment.pending",
      paymentId: konbini.id,
    });
    const [cash] = book.settle(String(konbini.id), "succeeded");
    expect((cash as { type: string }).type).toBe("checkout.session.async_payment_succeeded");
    expect(translated(cash as object)).toMatchObject({
      kind: "payment.succeeded",
      paymentId: konbini.id,
    });

    const lapsed = session();
    book.settle(String(lapsed.id), "pending");
    const [failed] = book.settle(String(lapsed.id), "failed");
    expect((failed as { type: string }).type).toBe("checkout.session.async_payment_failed");
    expect(translated(failed as object)).toMatchObject({ kind: "payment.failed" });

    const abandoned = session();
    const [expired] = book.settle(String(abandoned.id), "expired");
    expect(translated(expired as object)).toMatchObject({
      kind: "payment.expired",
      paymentId: abandoned.id,
    });
  });

  it("translates refunds (both event names), disputes and Connect accounts", () => {
    const card = session();
    book.settle(String(card.id), "succeeded");
    const intent = String(book.retrieveSession(String(card.id)).payment_intent);
    const refund = book.refund({
      paymentIntent: intent,
      amount: 1_000,
      reverseTransfer: true,
      refundApplicationFee: true,
      metadata: {},
    });
    for (const type of ["refund.updated", "charge.refund.updated"])
      expect(translated(book.event(type, { ...refund, status: "pending" }))).toMatchObject({
        kind: "refund.updated",
        refundId: refund.id,
        paymentIntentId: intent,
        state: "pending",
        amountYen: 1_000,
      });
    expect(translated(book.event("refund.updated", { ...refund, status: "failed" }))).toMatchObject(
      { state: "failed" },
    );
    expect(translated(book.event("refund.updated", refund))).toMatchObject({ state: "succeeded" });
    // A refund made before its key was recorded (no metadata) names none.
    expect(translated(book.event("refund.updated", refund))).not.toHaveProperty("refundKey");
    // Ours carry their own key and subject in the metadata: a late failure names them.
    const keyed = book.refund({
      paymentIntent: intent,
      amount: 500,
      reverseTransfer: true,
      refundApplicationFee: true,
      metadata: { planId: "plan_figs", ownershipId: "own_1", refundKey: "led_shortfall_1" },
    });
    expect(translated(book.event("refund.updated", { ...keyed, status: "failed" }))).toEqual({
      eventId: expect.any(String),
      createdAt: expect.any(String),
      kind: "refund.updated",
      refundId: keyed.id,
      paymentIntentId: intent,
      state: "failed",
      amountYen: 500,
      refundKey: "led_shortfall_1",
      planId: "plan_figs",
      ownershipId: "own_1",
    });
    expect(translated(book.disputeEvent(intent, "fraudulent"))).toMatchObject({
      kind: "dispute.opened",
      paymentIntentId: intent,
      amountYen: 6_600,
      reason: "fraudulent",
    });
    const account = book.createAccount({ producerId: "p" });
    expect(translated(book.accountEvent(String(account.id)))).toMatchObject({
      kind: "account.updated",
      accountId: account.id,
      chargesEnabled: true,
      payoutsEnabled: true,
    });
  });

  it("ignores other event types and sessions that are not ours", () => {
    const event = book.event("customer.created", { id: "cus_1", object: "customer" });
    expect(translated(event)).toEqual({
      eventId: event.id,
      createdAt: expect.any(String),
      kind: "ignored",
      type: "customer.created",
    });
    const foreign = book.createSession({
      amount: 500,
      name: "x",
      expiresAt: now() + 3600,
      successUrl: "s",
      cancelUrl: "c",
      metadata: {},
    });
    expect(translated(book.event("checkout.session.expired", foreign))).toMatchObject({
      kind: "ignored",
      type: "checkout.session.expired",
    });
  });
});
