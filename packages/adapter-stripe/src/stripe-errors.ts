import type { AppError } from "@owners/app";
import { appError } from "@owners/app";

/** What a Stripe error carries that is safe to show: its class, code and request id, no text. */
interface StripeErrorLike {
  readonly type?: unknown;
  readonly code?: unknown;
  readonly requestId?: unknown;
  readonly statusCode?: unknown;
}

/** Stripe refused this request as such: retrying the same call gets the same answer. */
const REFUSALS = new Set([
  "StripeCardError",
  "StripeInvalidRequestError",
  "StripeIdempotencyError",
]);

/**
 * A Stripe failure as the port's error. Card and request refusals are PAYMENT.DECLINED; the
 * network, rate limits, Stripe's own errors and our credentials are PAYMENT.UNAVAILABLE (retry
 * later; an operator fixes keys). Stripe's message is not passed on: it can name objects and
 * accounts a client must not see. `code` (e.g. `amount_too_large`) says what was refused.
 */
export const fromStripeError = (action: string, error: unknown): AppError => {
  const e = (typeof error === "object" && error !== null ? error : {}) as StripeErrorLike;
  const type = typeof e.type === "string" ? e.type : "unknown";
  const details = {
    stripeError: type,
    ...(typeof e.code === "string" ? { code: e.code } : {}),
    ...(typeof e.requestId === "string" ? { stripeRequestId: e.requestId } : {}),
  };
  return REFUSALS.has(type)
    ? appError("PAYMENT.DECLINED", `Stripe refused to ${action}`, details)
    : appError("PAYMENT.UNAVAILABLE", `Stripe could not be reached to ${action}`, details);
};
