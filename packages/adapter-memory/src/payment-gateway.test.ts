import type { AppError, CheckoutRequest } from "@owners/app";
import { instant, ownerId, ownershipId, planId, type Yen } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import { describe, expect, it } from "vitest";
import { MEMORY_WEBHOOK_SIGNATURE, makeMemoryPaymentGateway } from "./payment-gateway.ts";

const yen = (n: number) => n as Yen;
const at = instant("2026-06-10T00:00:00.000Z");
const ok = async <A>(task: TE.TaskEither<AppError, A>) => {
  const result = await task();
  if (E.isLeft(result)) throw new Error(`${result.left._tag}: ${result.left.message}`);
  return result.right;
};
const err = async <A>(task: TE.TaskEither<AppError, A>) => {
  const result = await task();
  if (E.isRight(result)) throw new Error("expected a failure");
  return result.left;
};
const request = (key: string, amount = 1000): CheckoutRequest => ({
  idempotencyKey: key,
  ownershipId: ownershipId(`own_${key}`),
  planId: planId("plan_1"),
  ownerId: ownerId("owner_alice"),
  amountYen: yen(amount),
  applicationFeeYen: yen(Math.floor(amount / 10)),
  description: "figs",
  expiresAt: instant("2026-06-10T00:30:00.000Z"),
  returnUrl: "memory://back",
});

/** A gateway with one paid checkout; returns the PaymentIntent to refund. */
const paid = async (amount = 1000) => {
  const gateway = makeMemoryPaymentGateway();
  const session = await ok(gateway.startCheckout(request("c", amount)));
  const event = gateway.settleCheckout(session.paymentId, "succeeded", at);
  if (E.isLeft(event) || event.right.kind !== "payment.succeeded") throw new Error("not paid");
  return { gateway, session, intent: event.right.paymentIntentId as string };
};
const refund = (intent: string, key: string, amount: number) => ({
  idempotencyKey: key,
  paymentIntentId: intent,
  amountYen: yen(amount),
  planId: planId("plan_1"),
  ownershipId: ownershipId("own_c"),
});

describe("in-memory payment gateway", () => {
  it("opens one checkout per key and takes its payment once, however often it is settled", async () => {
    const { gateway, session } = await paid();
    expect(await ok(gateway.startCheckout(request("c")))).toEqual(session);
    expect((await err(gateway.startCheckout(request("c", 1001))))._tag).toBe("PAYMENT.DECLINED");
    gateway.settleCheckout(session.paymentId, "succeeded", at);
    gateway.settleCheckout(session.paymentId, "failed", at);
    expect(gateway.movements().filter((m) => m.kind === "charge")).toHaveLength(1);
    expect(gateway.totals()).toEqual({ chargedYen: 1000, refundedYen: 0 });
    expect((await ok(gateway.lookupPayment(session.paymentId))).state).toBe("succeeded");
  });

  it("refunds by PaymentIntent once per key, never more than was paid", async () => {
    const { gateway, intent } = await paid();
    const first = await ok(gateway.refundPayment(refund(intent, "r1", 600)));
    expect(await ok(gateway.refundPayment(refund(intent, "r1", 600)))).toEqual(first);
    expect((await err(gateway.refundPayment(refund(intent, "r1", 500))))._tag).toBe(
      "PAYMENT.DECLINED",
    );
    expect(await err(gateway.refundPayment(refund(intent, "r2", 401)))).toMatchObject({
      _tag: "PAYMENT.DECLINED",
      details: { refundable: 400 },
    });
    await ok(gateway.refundPayment(refund(intent, "r3", 400)));
    expect((await err(gateway.refundPayment(refund("pi_unknown", "r4", 1))))._tag).toBe(
      "PAYMENT.DECLINED",
    );
    expect(gateway.totals()).toEqual({ chargedYen: 1000, refundedYen: 1000 });
    expect(gateway.movements().filter((m) => m.kind === "refund")).toHaveLength(2);
  });

  it("plays a refund failing after it went through: money back, event naming its key", async () => {
    const { gateway, intent } = await paid();
    const receipt = await ok(gateway.refundPayment(refund(intent, "led_1", 600)));
    expect(gateway.failRefund(receipt.refundId, at)).toEqual(
      E.right({
        eventId: `evt_${receipt.refundId}_failed`,
        createdAt: at,
        kind: "refund.updated",
        refundId: receipt.refundId,
        paymentIntentId: intent,
        state: "failed",
        amountYen: 600,
        refundKey: "led_1",
        planId: "plan_1",
        ownershipId: "own_c",
      }),
    );
    // The money is back: the movement is gone, and the whole payment can be refunded again.
    expect(gateway.totals()).toEqual({ chargedYen: 1000, refundedYen: 0 });
    expect(await ok(gateway.refundPayment(refund(intent, "led_1", 600)))).toMatchObject({
      state: "failed",
    });
    expect(await ok(gateway.refundPayment(refund(intent, "led_1:retry-1", 1000)))).toMatchObject({
      state: "succeeded",
    });
    expect(E.isLeft(gateway.failRefund("re_unknown", at))).toBe(true);
    expect(E.isLeft(gateway.failRefund(receipt.refundId, at))).toBe(true);
  });

  it("refuses refunds its decline rule names, until the rule is lifted", async () => {
    const { gateway, intent } = await paid();
    gateway.setDeclineRule((attempt) => (attempt.amountYen > 500 ? "too much" : undefined));
    expect((await err(gateway.refundPayment(refund(intent, "big", 800))))._tag).toBe(
      "PAYMENT.DECLINED",
    );
    gateway.setDeclineRule(undefined);
    await ok(gateway.refundPayment(refund(intent, "big", 800)));
    expect(gateway.totals().refundedYen).toBe(800);
  });

  it("fails with PAYMENT.UNAVAILABLE during an outage and moves nothing", async () => {
    const { gateway, intent } = await paid();
    gateway.setAvailable(false);
    expect((await err(gateway.startCheckout(request("d"))))._tag).toBe("PAYMENT.UNAVAILABLE");
    expect((await err(gateway.refundPayment(refund(intent, "r", 100))))._tag).toBe(
      "PAYMENT.UNAVAILABLE",
    );
    gateway.setAvailable(true);
    expect(gateway.totals()).toEqual({ chargedYen: 1000, refundedYen: 0 });
  });

  it("expires an unpaid checkout, which can then no longer be paid", async () => {
    const gateway = makeMemoryPaymentGateway();
    const session = await ok(gateway.startCheckout(request("e")));
    expect((await ok(gateway.expireCheckout(session.paymentId))).state).toBe("expired");
    gateway.settleCheckout(session.paymentId, "succeeded", at);
    expect(gateway.totals().chargedYen).toBe(0);
  });

  it("verifies its own webhook signature only", async () => {
    const { gateway } = await paid();
    const webhook = await ok(gateway.settle("cs_mem_1", "succeeded"));
    expect(E.isRight(gateway.verifyEvent(webhook.rawBody, webhook.signature))).toBe(true);
    expect(webhook.signature).toBe(MEMORY_WEBHOOK_SIGNATURE);
    const forged = gateway.verifyEvent(webhook.rawBody, "forged");
    expect(E.isLeft(forged) && forged.left._tag).toBe("PAYMENT.BAD_SIGNATURE");
  });
});
