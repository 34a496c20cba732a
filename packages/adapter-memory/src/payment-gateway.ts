import type {
  PaymentEvent,
  PaymentGateway,
  PaymentSimulator,
  RefundRequest,
  SignedWebhook,
} from "@owners/app";
import { type AppError, appError, markDevOnly } from "@owners/app";
import type { Instant, OwnerId, Yen } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import {
  type CheckoutOutcome,
  type MemoryCheckout,
  type MemoryRefund,
  makeCheckoutBook,
} from "./checkout-book.ts";

/** The in-memory processor's webhook signature: tests sign with it, nothing else can. */
export const MEMORY_WEBHOOK_SIGNATURE = "memory-processor-signature";

/** One movement of money the gateway really made (declined or replayed attempts make none). */
export interface PaymentMovement {
  readonly kind: "charge" | "refund";
  readonly idempotencyKey: string;
  /** The charge's id; for a refund, the charge it refunds. */
  readonly paymentId: string;
  /** The id on the receipt: the charge's id, or the refund's own id. */
  readonly receiptId: string;
  readonly ownerId: OwnerId;
  readonly amountYen: Yen;
}

export interface ChargeAttempt {
  readonly ownerId: OwnerId;
  readonly amountYen: Yen;
}

export interface MemoryPaymentGateway extends PaymentGateway, PaymentSimulator {
  /** Every movement in order: what a test asserts "charged once" on. */
  movements(): readonly PaymentMovement[];
  /** Sums of the movements. */
  totals(): { readonly chargedYen: number; readonly refundedYen: number };
  /** From now on, refuse refunds for which `rule` returns a reason (undefined accepts). */
  setDeclineRule(rule: ((attempt: ChargeAttempt) => string | undefined) | undefined): void;
  /** While false, every call fails with PAYMENT.UNAVAILABLE and moves nothing (outage tests). */
  setAvailable(available: boolean): void;
  /**
   * Plays the owner at the checkout (or the clock, for "expired"): moves a pending checkout and
   * returns the event the processor's webhook would carry (its body: JSON.stringify(event)).
   */
  settleCheckout(
    paymentId: string,
    outcome: CheckoutOutcome,
    at: Instant,
  ): E.Either<AppError, PaymentEvent>;
  /** Every checkout opened, in order. */
  checkouts(): readonly MemoryCheckout[];
  /**
   * Plays a refund that went through failing later (Stripe does this for some payment methods):
   * its money is back on the payment and its movement is gone; returns the refund.updated event
   * the processor's webhook would carry, naming the refund's key and subject as its metadata does.
   */
  failRefund(refundId: string, at: Instant): E.Either<AppError, PaymentEvent>;
}

export interface MemoryPaymentGatewayOptions {
  readonly declineRule?: (attempt: ChargeAttempt) => string | undefined;
}

/**
 * A card processor that behaves like a real one where the use cases can tell: a checkout per
 * idempotency key, payments that only move forward, refunds by PaymentIntent under their own key
 * that never exceed what was paid. Every payment and refund is logged as a movement.
 */
export const makeMemoryPaymentGateway = (
  options: MemoryPaymentGatewayOptions = {},
): MemoryPaymentGateway => {
  const log: PaymentMovement[] = [];
  let declineRule = options.declineRule;
  let available = true;

  const declined = (message: string, details: Record<string, unknown>): E.Either<AppError, never> =>
    E.left(appError("PAYMENT.DECLINED", message, details));

  const book = makeCheckoutBook();
  const now =
    <A>(step: () => E.Either<AppError, A>): TE.TaskEither<AppError, A> =>
    () =>
      Promise.resolve(
        available
          ? step()
          : E.left(appError("PAYMENT.UNAVAILABLE", "the payment service is unavailable")),
      );

  // Checkout payments and their refunds are logged as movements too, so "charged once" and the
  // totals hold whichever path moved the money; the decline rule also refuses refunds.
  const settleLogged = (paymentId: string, outcome: CheckoutOutcome, at: Instant) => {
    const before = book.checkouts().find((c) => c.paymentId === paymentId)?.state;
    const settled = book.settle(paymentId, outcome, at);
    const paid = book.checkouts().find((c) => c.paymentId === paymentId);
    if (E.isRight(settled) && before === "pending" && paid?.state === "succeeded")
      log.push({
        kind: "charge",
        idempotencyKey: paid.request.idempotencyKey,
        paymentId: paid.paymentIntentId ?? paid.paymentId,
        receiptId: paid.paymentIntentId ?? paid.paymentId,
        ownerId: paid.request.ownerId,
        amountYen: paid.request.amountYen,
      });
    return settled;
  };
  const refundKeys = new Set<string>();
  const refundLogged = (request: RefundRequest) => {
    const paid = book.checkouts().find((c) => c.paymentIntentId === request.paymentIntentId);
    const fresh = !refundKeys.has(request.idempotencyKey);
    const reason =
      fresh && paid !== undefined
        ? declineRule?.({ ownerId: paid.request.ownerId, amountYen: request.amountYen })
        : undefined;
    if (reason !== undefined) return declined(`the refund was declined: ${reason}`, { reason });
    const refunded = book.refund(request);
    if (E.isRight(refunded) && fresh && paid !== undefined) {
      refundKeys.add(request.idempotencyKey);
      log.push({
        kind: "refund",
        idempotencyKey: request.idempotencyKey,
        paymentId: request.paymentIntentId,
        receiptId: refunded.right.refundId,
        ownerId: paid.request.ownerId,
        amountYen: request.amountYen,
      });
    }
    return refunded;
  };

  // Money that moves only inside this process: never in a deployment.
  return markDevOnly<MemoryPaymentGateway>(
    {
      startCheckout: (request) => now(() => book.start(request)),
      lookupPayment: (paymentId) => now(() => book.lookup(paymentId)),
      expireCheckout: (paymentId) => now(() => book.expire(paymentId)),
      refundPayment: (request) => now(() => refundLogged(request)),
      planTotals: (planId) => now(() => E.right(book.planTotals(planId))),
      verifyEvent: (rawBody, signature) => {
        if (signature !== MEMORY_WEBHOOK_SIGNATURE)
          return E.left(appError("PAYMENT.BAD_SIGNATURE", "the webhook signature does not verify"));
        try {
          return E.right(JSON.parse(rawBody) as PaymentEvent);
        } catch {
          return E.left(appError("PAYMENT.BAD_SIGNATURE", "the webhook body is not JSON"));
        }
      },
      settleCheckout: (paymentId, outcome, at) => settleLogged(paymentId, outcome, at),
      failRefund: (refundId, at) =>
        E.map((refund: MemoryRefund): PaymentEvent => {
          const moved = log.findIndex((m) => m.kind === "refund" && m.receiptId === refundId);
          if (moved >= 0) log.splice(moved, 1);
          const { request } = refund;
          return {
            eventId: `evt_${refundId}_failed`,
            createdAt: at,
            kind: "refund.updated",
            refundId,
            paymentIntentId: request.paymentIntentId,
            state: "failed",
            amountYen: refund.amountYen,
            refundKey: request.idempotencyKey,
            ...(request.planId === undefined
              ? {}
              : { planId: request.planId, ownershipId: request.ownershipId }),
          };
        })(book.failRefund(refundId)),
      settle: (paymentId, outcome) =>
        now(() =>
          E.map(
            (event: PaymentEvent): SignedWebhook => ({
              rawBody: JSON.stringify(event),
              signature: MEMORY_WEBHOOK_SIGNATURE,
            }),
          )(settleLogged(paymentId, outcome, new Date().toISOString() as Instant)),
        ),
      checkouts: () => book.checkouts(),
      movements: () => [...log],
      totals: () => ({
        chargedYen: log.filter((m) => m.kind === "charge").reduce((sum, m) => sum + m.amountYen, 0),
        refundedYen: log
          .filter((m) => m.kind === "refund")
          .reduce((sum, m) => sum + m.amountYen, 0),
      }),
      setDeclineRule: (rule) => {
        declineRule = rule;
      },
      setAvailable: (value) => {
        available = value;
      },
    },
    "in-memory payment gateway",
  );
};
