import type {
  BookingId,
  ExperienceId,
  Instant,
  OwnerId,
  OwnershipId,
  PlanId,
  Yen,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type {
  BookingCheckoutRequest,
  PaymentEvent,
  PaymentGateway,
  ShareCheckoutRequest,
} from "../../ports/payment-gateway.ts";
import type { SignedWebhook } from "../../ports/payment-simulator.ts";
import { failWith, succeed } from "./expect-task.ts";

/** The payment-first half of the port (the deprecated charge/refund are not part of the contract). */
export type CheckoutPort = Omit<PaymentGateway, "charge" | "refund">;

export interface PaymentGatewaySubject {
  readonly gateway: CheckoutPort;
  /** Plays the owner at the checkout (or the clock): the webhook the processor sends about it. */
  settle(
    paymentId: string,
    outcome: "succeeded" | "failed" | "pending" | "expired",
  ): Promise<SignedWebhook>;
  /** A producer's account the charges are destined to (destination charges), when it has them. */
  readonly destinationAccountId?: string;
  /** The processor signs the body (HMAC): a changed body fails verification. */
  readonly signsBody: boolean;
  /** The processor's now (checkouts end an hour after it). */
  now(): Instant;
  cleanup(): Promise<void>;
}

/**
 * The behaviour every PaymentGateway must share: checkouts idempotent by key, payments that only
 * move forward, refunds by PaymentIntent only after success and never beyond what is left,
 * idempotent refunds, totals that add up, and webhooks that verify only when signed.
 */
export const describePaymentGatewayContract = (
  name: string,
  makeSubject: () => Promise<PaymentGatewaySubject>,
) => {
  describe(`PaymentGateway contract: ${name}`, () => {
    let subject: PaymentGatewaySubject;
    let gateway: CheckoutPort;
    let seq = 0;
    beforeEach(async () => {
      subject = await makeSubject();
      gateway = subject.gateway;
    });
    afterEach(async () => {
      await subject.cleanup();
    });

    const checkout = (
      overrides: Partial<Omit<ShareCheckoutRequest, "bookingId" | "experienceId">> = {},
    ): ShareCheckoutRequest => {
      seq += 1;
      const now = Date.parse(subject.now());
      return {
        idempotencyKey: `reserve-${name}-${seq}-${now}`,
        ownershipId: `own_contract_${seq}` as OwnershipId,
        planId: `plan_contract_${now}` as PlanId,
        ownerId: "owner-contract" as OwnerId,
        amountYen: 6_600 as Yen,
        applicationFeeYen: 660 as Yen,
        ...(subject.destinationAccountId === undefined
          ? {}
          : { destinationAccountId: subject.destinationAccountId }),
        description: "Tree-ripened figs, 2 shares",
        expiresAt: new Date(now + 60 * 60 * 1000).toISOString() as Instant,
        returnUrl: "https://owners.example.jp/me/harvest",
        ...overrides,
      };
    };

    const verified = (webhook: SignedWebhook): PaymentEvent => {
      const event = gateway.verifyEvent(webhook.rawBody, webhook.signature);
      if (E.isLeft(event)) throw new Error(`did not verify: ${event.left.message}`);
      return event.right;
    };

    const paid = async (request: ShareCheckoutRequest | BookingCheckoutRequest) => {
      const session = await succeed(gateway.startCheckout(request));
      verified(await subject.settle(session.paymentId, "succeeded"));
      const lookup = await succeed(gateway.lookupPayment(session.paymentId));
      if (lookup.paymentIntentId === undefined) throw new Error("a paid checkout has no intent");
      return { session, intent: lookup.paymentIntentId };
    };

    it("opens one checkout per idempotency key, pending until paid", async () => {
      const request = checkout();
      const first = await succeed(gateway.startCheckout(request));
      const again = await succeed(gateway.startCheckout(request));
      expect(again.paymentId).toBe(first.paymentId);
      expect(first.checkoutUrl.length).toBeGreaterThan(0);
      const other = await succeed(gateway.startCheckout(checkout({ planId: request.planId })));
      expect(other.paymentId).not.toBe(first.paymentId);
      expect(await succeed(gateway.lookupPayment(first.paymentId))).toMatchObject({
        paymentId: first.paymentId,
        state: "pending",
        amountYen: 6_600,
      });
    });

    it("tells a paid checkout by a verified event naming the ownership, plan and intent", async () => {
      const request = checkout();
      const session = await succeed(gateway.startCheckout(request));
      const event = verified(await subject.settle(session.paymentId, "succeeded"));
      const lookup = await succeed(gateway.lookupPayment(session.paymentId));
      expect(lookup.state).toBe("succeeded");
      expect(event).toMatchObject({
        kind: "payment.succeeded",
        paymentId: session.paymentId,
        ownershipId: request.ownershipId,
        planId: request.planId,
        amountYen: 6_600,
        paymentIntentId: lookup.paymentIntentId,
      });
      expect(event.eventId.length).toBeGreaterThan(0);
    });

    it("moves a payment only forward: pending to paid, and nothing after an end", async () => {
      const konbini = await succeed(gateway.startCheckout(checkout()));
      expect(verified(await subject.settle(konbini.paymentId, "pending")).kind).toBe(
        "payment.pending",
      );
      expect((await succeed(gateway.lookupPayment(konbini.paymentId))).state).toBe("pending");
      expect(verified(await subject.settle(konbini.paymentId, "succeeded")).kind).toBe(
        "payment.succeeded",
      );
      expect(verified(await subject.settle(konbini.paymentId, "failed")).kind).toBe(
        "payment.succeeded",
      );
      expect((await succeed(gateway.expireCheckout(konbini.paymentId))).state).toBe("succeeded");

      const declined = await succeed(gateway.startCheckout(checkout()));
      expect(verified(await subject.settle(declined.paymentId, "failed")).kind).toBe(
        "payment.failed",
      );
      await subject.settle(declined.paymentId, "succeeded");
      expect((await succeed(gateway.lookupPayment(declined.paymentId))).state).toBe("failed");

      const abandoned = await succeed(gateway.startCheckout(checkout()));
      expect((await succeed(gateway.expireCheckout(abandoned.paymentId))).state).toBe("expired");
      await subject.settle(abandoned.paymentId, "succeeded");
      expect((await succeed(gateway.lookupPayment(abandoned.paymentId))).state).toBe("expired");
    });

    it("refunds by PaymentIntent only after success, never beyond what is left, once per key", async () => {
      const request = checkout();
      const unpaid = await succeed(gateway.startCheckout(checkout()));
      const unpaidIntent = (await succeed(gateway.lookupPayment(unpaid.paymentId))).paymentIntentId;
      expect(unpaidIntent).toBeUndefined();
      const { intent } = await paid(request);
      const refund = (key: string, amountYen: number) =>
        gateway.refundPayment({
          idempotencyKey: key,
          paymentIntentId: intent,
          amountYen: amountYen as Yen,
          planId: request.planId,
          ownershipId: request.ownershipId,
        });
      const first = await succeed(refund(`refund-a-${seq}`, 2_000));
      expect(first).toMatchObject({ state: "succeeded", amountYen: 2_000 });
      // A repeat under the same key is the same refund and moves nothing.
      expect(await succeed(refund(`refund-a-${seq}`, 2_000))).toEqual(first);
      expect((await failWith(refund(`refund-b-${seq}`, 4_601)))._tag).toBe("PAYMENT.DECLINED");
      expect((await succeed(refund(`refund-c-${seq}`, 4_600))).amountYen).toBe(4_600);
      expect((await failWith(refund(`refund-d-${seq}`, 1)))._tag).toBe("PAYMENT.DECLINED");
    });

    it("adds a plan's money up: charged − refunded = payout + fees, other plans apart", async () => {
      const request = checkout();
      const a = await paid(request);
      await paid(
        checkout({
          planId: request.planId,
          amountYen: 3_300 as Yen,
          applicationFeeYen: 330 as Yen,
        }),
      );
      await paid(checkout({ planId: `${request.planId}_other` as PlanId }));
      await succeed(gateway.startCheckout(checkout({ planId: request.planId })));
      await succeed(
        gateway.refundPayment({
          idempotencyKey: `refund-totals-${seq}`,
          paymentIntentId: a.intent,
          amountYen: 1_001 as Yen,
          planId: request.planId,
          ownershipId: request.ownershipId,
        }),
      );
      const totals = await succeed(gateway.planTotals(request.planId));
      expect(totals.chargedYen).toBe(9_900);
      expect(totals.refundedYen).toBe(1_001);
      expect(totals.chargedYen - totals.refundedYen).toBe(totals.payoutYen + totals.feesYen);
      expect(totals.feesYen).toBeGreaterThan(0);
      expect(totals.feesYen).toBeLessThanOrEqual(990);
    });

    it("tells a paid experience booking by its booking and experience, outside every plan's totals", async () => {
      const { ownershipId: _o, planId, ...shared } = checkout();
      const booking: BookingCheckoutRequest = {
        ...shared,
        idempotencyKey: `booking-${name}-${seq}`,
        bookingId: `bkg_contract_${seq}` as BookingId,
        experienceId: `exp_contract_${seq}` as ExperienceId,
        amountYen: 3_000 as Yen,
        applicationFeeYen: 300 as Yen,
        description: "Harvest lunch, 2 seats",
      };
      const session = await succeed(gateway.startCheckout(booking));
      const event = verified(await subject.settle(session.paymentId, "succeeded"));
      const lookup = await succeed(gateway.lookupPayment(session.paymentId));
      expect(event).toMatchObject({
        kind: "booking.payment",
        outcome: "succeeded",
        paymentId: session.paymentId,
        bookingId: booking.bookingId,
        experienceId: booking.experienceId,
        amountYen: 3_000,
        paymentIntentId: lookup.paymentIntentId,
      });
      // Refunded by its intent like any payment, under the booking's name.
      const intent = lookup.paymentIntentId ?? "";
      const refund = await succeed(
        gateway.refundPayment({
          idempotencyKey: `refund-booking-${seq}`,
          paymentIntentId: intent,
          amountYen: 3_000 as Yen,
          bookingId: booking.bookingId,
          experienceId: booking.experienceId,
        }),
      );
      expect(refund).toMatchObject({ state: "succeeded", amountYen: 3_000 });
      // Seats are not shares: the plan's reconciliation never counts them.
      const totals = await succeed(gateway.planTotals(planId));
      expect(totals).toMatchObject({ chargedYen: 0, refundedYen: 0 });
      const expiring = await succeed(
        gateway.startCheckout({ ...booking, idempotencyKey: `booking-exp-${seq}` }),
      );
      const expired = verified(await subject.settle(expiring.paymentId, "expired"));
      expect(expired).toMatchObject({ kind: "booking.payment", outcome: "expired" });
    });

    it("refuses webhooks without a valid signature", async () => {
      const session = await succeed(gateway.startCheckout(checkout()));
      const webhook = await subject.settle(session.paymentId, "succeeded");
      const refused = (body: string, signature: string | undefined) => {
        const result = gateway.verifyEvent(body, signature);
        return E.isLeft(result) ? result.left._tag : "accepted";
      };
      expect(refused(webhook.rawBody, undefined)).toBe("PAYMENT.BAD_SIGNATURE");
      expect(refused(webhook.rawBody, "t=1,v1=00ff")).toBe("PAYMENT.BAD_SIGNATURE");
      if (subject.signsBody)
        expect(refused(webhook.rawBody.replace("6600", "1"), webhook.signature)).toBe(
          "PAYMENT.BAD_SIGNATURE",
        );
    });
  });
};
