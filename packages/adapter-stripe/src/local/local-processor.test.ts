import { makeIdGenerator } from "@owners/adapter-local";
import type { Clock, PaymentEvent, SignedWebhook } from "@owners/app";
import { succeed } from "@owners/app/testing";
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
import { describe, expect, it } from "vitest";
import { makeLocalPaymentProcessor } from "./local-processor.ts";

const SECRET = "whsec_local_processor_test";
let now = instant("2026-12-02T09:00:00.000Z");
const clock: Clock = { now: () => now };

const setup = () => {
  const delivered: SignedWebhook[] = [];
  const processor = makeLocalPaymentProcessor({
    webhookSecret: SECRET,
    checkoutBaseUrl: "http://localhost:5173/",
    clock,
    ids: makeIdGenerator(),
    deliver: async (webhook) => {
      delivered.push(webhook);
    },
  });
  const events = (): PaymentEvent[] =>
    delivered.map((w) => {
      const event = processor.verifyEvent(w.rawBody, w.signature);
      if (E.isLeft(event)) throw new Error(event.left.message);
      return event.right;
    });
  return { processor, delivered, events };
};

const request = (n: number) => ({
  idempotencyKey: `reserve:${n}`,
  ownershipId: `own_${n}` as OwnershipId,
  planId: "plan_figs" as PlanId,
  ownerId: "owner-sato" as OwnerId,
  amountYen: 6_600 as Yen,
  applicationFeeYen: 660 as Yen,
  description: "Figs <2 shares>",
  // Ten minutes: shorter than Stripe allows, kept as is locally.
  expiresAt: instant("2026-12-02T09:10:00.000Z"),
  returnUrl: "http://localhost:5173/me/harvest",
});

describe("local processor checkout page", () => {
  it("serves the session on the local stack and pays with 4242…, delivering Stripe's signed event", async () => {
    now = instant("2026-12-02T09:00:00.000Z");
    const { processor, delivered, events } = setup();
    const session = await succeed(processor.startCheckout(request(1)));
    expect(session.checkoutUrl).toBe(`http://localhost:5173/checkout/${session.paymentId}`);
    expect(session.expiresAt).toBe("2026-12-02T09:10:00.000Z");
    expect(processor.describeCheckout(session.paymentId)).toMatchObject({
      stage: "open",
      amountYen: 6_600,
      description: "Figs <2 shares>",
    });
    expect(
      await processor.payAtCheckout(session.paymentId, { method: "card", number: "1234" }),
    ).toMatchObject({ kind: "retry" });
    expect(delivered).toHaveLength(0);
    const answer = await processor.payAtCheckout(session.paymentId, {
      method: "card",
      number: "4242 4242 4242 4242",
    });
    expect(answer).toEqual({
      kind: "redirect",
      url: "http://localhost:5173/me/harvest?checkout=success",
    });
    // Stripe's own verifier accepts it: the same path as real webhooks.
    const webhook = delivered[0] as SignedWebhook;
    const event = Stripe.webhooks.constructEvent(webhook.rawBody, webhook.signature, SECRET);
    expect(event.type).toBe("checkout.session.completed");
    expect(events()).toMatchObject([
      { kind: "payment.succeeded", ownershipId: "own_1", amountYen: 6_600 },
    ]);
    expect(processor.describeCheckout(session.paymentId)?.stage).toBe("done");
  });

  it("declines 4000 0000 0000 0002, and leaves a konbini voucher pending until paid at the store", async () => {
    now = instant("2026-12-02T09:00:00.000Z");
    const { processor, events } = setup();
    const declined = await succeed(processor.startCheckout(request(2)));
    expect(
      await processor.payAtCheckout(declined.paymentId, {
        method: "card",
        number: "4000000000000002",
      }),
    ).toEqual({
      kind: "redirect",
      url: "http://localhost:5173/me/harvest?checkout=cancelled",
    });
    const konbini = await succeed(processor.startCheckout(request(3)));
    await processor.payAtCheckout(konbini.paymentId, { method: "konbini" });
    expect(processor.describeCheckout(konbini.paymentId)?.stage).toBe("awaiting");
    expect((await succeed(processor.lookupPayment(konbini.paymentId))).state).toBe("pending");
    await processor.payAtCheckout(konbini.paymentId, { method: "konbini-paid" });
    expect(events().map((e) => e.kind)).toEqual([
      "payment.failed",
      "payment.pending",
      "payment.succeeded",
    ]);
  });

  it("lets a hold end on the local clock, and answers a forgotten session as expired", async () => {
    now = instant("2026-12-02T09:00:00.000Z");
    const { processor, events } = setup();
    const session = await succeed(processor.startCheckout(request(4)));
    now = instant("2026-12-02T09:11:00.000Z");
    expect(processor.describeCheckout(session.paymentId)?.stage).toBe("done");
    await processor.payAtCheckout(session.paymentId, {
      method: "card",
      number: "4242424242424242",
    });
    expect(events().map((e) => e.kind)).toEqual(["payment.expired"]);
    expect(await succeed(processor.lookupPayment("cs_test_forgotten"))).toEqual({
      paymentId: "cs_test_forgotten",
      state: "expired",
      amountYen: 0,
    });
  });

  it("opens payout accounts that can take charges at once", async () => {
    const { processor } = setup();
    const account = await succeed(processor.createAccount("prod_1" as ProducerId));
    expect(account).toMatchObject({
      chargesEnabled: true,
      payoutsEnabled: true,
      detailsSubmitted: true,
    });
    expect(await succeed(processor.createAccount("prod_1" as ProducerId))).toEqual(account);
    expect(
      await succeed(processor.onboardingLink(account.accountId, "http://x/back", "http://x/again")),
    ).toBe("http://x/back");
  });
});
