import type {
  AppError,
  CheckoutRequest,
  CheckoutSession,
  PaymentEvent,
  PaymentLookup,
  PaymentState,
  ProcessorPlanTotals,
  RefundReceipt,
  RefundRequest,
} from "@owners/app";
import { appError } from "@owners/app";
import type { Instant, PlanId, Yen } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";

/** One checkout as the in-memory processor keeps it. */
export interface MemoryCheckout {
  readonly request: CheckoutRequest;
  readonly paymentId: string;
  state: PaymentState;
  paymentIntentId?: string;
  refundedYen: number;
}

/** What a test asks the in-memory processor to do to an open checkout. */
/** A refund the book made, with the request it answered. */
export type MemoryRefund = RefundReceipt & { readonly request: RefundRequest };

export type CheckoutOutcome = "succeeded" | "failed" | "expired" | "pending";

/**
 * The checkout half of the in-memory processor: sessions by key, payments that only move
 * forward, refunds by PaymentIntent that never exceed what was paid. `settle` plays the owner
 * (or the clock) and returns the event a webhook would carry.
 */
export const makeCheckoutBook = () => {
  const byId = new Map<string, MemoryCheckout>();
  const byKey = new Map<string, string>();
  const byIntent = new Map<string, MemoryCheckout>();
  const refunds = new Map<string, MemoryRefund>();
  let eventSeq = 0;

  const lookupOf = (c: MemoryCheckout): PaymentLookup => ({
    paymentId: c.paymentId,
    state: c.state,
    amountYen: c.request.amountYen,
    ...(c.paymentIntentId === undefined ? {} : { paymentIntentId: c.paymentIntentId }),
  });

  const find = (paymentId: string): E.Either<AppError, MemoryCheckout> => {
    const found = byId.get(paymentId);
    return found === undefined
      ? E.left(appError("PAYMENT.DECLINED", `no payment ${paymentId}`, { paymentId }))
      : E.right(found);
  };

  return {
    start(request: CheckoutRequest): E.Either<AppError, CheckoutSession> {
      const known = byKey.get(request.idempotencyKey);
      const existing = known === undefined ? undefined : byId.get(known);
      if (existing !== undefined) {
        if (existing.request.amountYen !== request.amountYen)
          return E.left(
            appError("PAYMENT.DECLINED", "idempotency key reused with different parameters", {
              idempotencyKey: request.idempotencyKey,
            }),
          );
        return E.right({
          paymentId: existing.paymentId,
          checkoutUrl: `memory://checkout/${existing.paymentId}`,
          expiresAt: existing.request.expiresAt,
        });
      }
      if (!Number.isSafeInteger(request.amountYen) || request.amountYen <= 0)
        return E.left(
          appError("PAYMENT.DECLINED", "a checkout must be a positive whole number of yen", {
            amountYen: request.amountYen,
          }),
        );
      const paymentId = `cs_mem_${byId.size + 1}`;
      byId.set(paymentId, { request, paymentId, state: "pending", refundedYen: 0 });
      byKey.set(request.idempotencyKey, paymentId);
      return E.right({
        paymentId,
        checkoutUrl: `memory://checkout/${paymentId}`,
        expiresAt: request.expiresAt,
      });
    },
    lookup: (paymentId: string) => E.map(lookupOf)(find(paymentId)),
    expire(paymentId: string): E.Either<AppError, PaymentLookup> {
      return E.map((c: MemoryCheckout) => {
        if (c.state === "pending") c.state = "expired";
        return lookupOf(c);
      })(find(paymentId));
    },
    /** Moves a pending checkout to `outcome`; a finished one stays as it is. */
    settle(
      paymentId: string,
      outcome: CheckoutOutcome,
      at: Instant,
    ): E.Either<AppError, PaymentEvent> {
      return E.map((c: MemoryCheckout): PaymentEvent => {
        if (c.state === "pending" && outcome !== "pending") {
          c.state = outcome;
          if (outcome === "succeeded") {
            c.paymentIntentId = `pi_mem_${c.paymentId.slice("cs_mem_".length)}`;
            byIntent.set(c.paymentIntentId, c);
          }
        }
        eventSeq += 1;
        const head = { eventId: `evt_mem_${eventSeq}`, createdAt: at };
        const money = {
          paymentId: c.paymentId,
          amountYen: c.request.amountYen,
          ...(c.paymentIntentId === undefined ? {} : { paymentIntentId: c.paymentIntentId }),
        };
        const request = c.request;
        return request.bookingId === undefined
          ? {
              ...head,
              ...money,
              kind: `payment.${c.state}`,
              ownershipId: request.ownershipId,
              planId: request.planId,
            }
          : {
              ...head,
              ...money,
              kind: "booking.payment",
              outcome: c.state,
              bookingId: request.bookingId,
              experienceId: request.experienceId,
            };
      })(find(paymentId));
    },
    refund(request: RefundRequest): E.Either<AppError, RefundReceipt> {
      const first = refunds.get(request.idempotencyKey);
      if (first !== undefined)
        return first.request.paymentIntentId === request.paymentIntentId &&
          first.request.amountYen === request.amountYen
          ? E.right({ refundId: first.refundId, state: first.state, amountYen: first.amountYen })
          : E.left(
              appError("PAYMENT.DECLINED", "idempotency key reused with different parameters", {
                idempotencyKey: request.idempotencyKey,
              }),
            );
      const paid = byIntent.get(request.paymentIntentId);
      if (paid === undefined)
        return E.left(
          appError("PAYMENT.DECLINED", `no captured payment ${request.paymentIntentId}`, {
            paymentIntentId: request.paymentIntentId,
          }),
        );
      const left = paid.request.amountYen - paid.refundedYen;
      if (
        !Number.isSafeInteger(request.amountYen) ||
        request.amountYen <= 0 ||
        request.amountYen > left
      )
        return E.left(
          appError(
            "PAYMENT.DECLINED",
            `refund of ${request.amountYen} yen exceeds the ${left} left`,
            {
              paymentIntentId: request.paymentIntentId,
              refundable: left,
            },
          ),
        );
      paid.refundedYen += request.amountYen;
      const receipt = {
        refundId: `re_mem_${refunds.size + 1}`,
        state: "succeeded" as const,
        amountYen: request.amountYen,
      };
      refunds.set(request.idempotencyKey, { ...receipt, request });
      return E.right(receipt);
    },
    /**
     * A refund that went through fails later (Stripe does this for some payment methods): its
     * money is back on the payment, and its receipt says failed. Returns the refund as it stood.
     */
    failRefund(refundId: string): E.Either<AppError, MemoryRefund> {
      const refund = [...refunds.values()].find((r) => r.refundId === refundId);
      const paid = refund === undefined ? undefined : byIntent.get(refund.request.paymentIntentId);
      if (refund === undefined || paid === undefined || refund.state !== "succeeded")
        return E.left(
          appError("PAYMENT.DECLINED", `no refund ${refundId} that went through`, { refundId }),
        );
      paid.refundedYen -= refund.amountYen;
      const failed = { ...refund, state: "failed" as const };
      refunds.set(refund.request.idempotencyKey, failed);
      return E.right(failed);
    },
    /** Fees are refunded pro rata, rounded down as Stripe does for application fees. */
    planTotals(planId: PlanId): ProcessorPlanTotals {
      let chargedYen = 0;
      let refundedYen = 0;
      let feesYen = 0;
      for (const c of byId.values()) {
        if (c.request.planId !== planId || c.paymentIntentId === undefined) continue;
        chargedYen += c.request.amountYen;
        refundedYen += c.refundedYen;
        const feeRefunded = Math.floor(
          (c.request.applicationFeeYen * c.refundedYen) / c.request.amountYen,
        );
        feesYen += c.request.applicationFeeYen - feeRefunded;
      }
      return {
        chargedYen: chargedYen as Yen,
        refundedYen: refundedYen as Yen,
        feesYen: feesYen as Yen,
        payoutYen: (chargedYen - refundedYen - feesYen) as Yen,
      };
    },
    checkouts: (): readonly MemoryCheckout[] => [...byId.values()],
  };
};
