import type { Clock, Ports } from "@owners/app";
import type { ApiConfig } from "../config.ts";

/** What the processor binds: the gateway, payout accounts, the simulator and charge lookups. */
export type PaymentPorts = Pick<Ports, "payments" | "payoutAccounts" | "paymentSimulator">;

/**
 * Stripe's ports when the config has its keys (in AWS from Secrets Manager), else undefined (the
 * store's in-process twins stay, which a Lambda refuses). The SDK is imported here, on demand: a
 * bundle chunk only a configured process reads, so a start without Stripe reads none of it. The
 * simulator bound beside Stripe refuses: nothing can complete a payment but the owner at Stripe.
 */
export const loadStripePorts = async (
  config: ApiConfig,
  clock: Clock,
): Promise<PaymentPorts | undefined> => {
  const secretKey = config.OWNERS_STRIPE_SECRET_KEY;
  const webhookSecret = config.OWNERS_STRIPE_WEBHOOK_SECRET;
  if (secretKey === undefined || webhookSecret === undefined) return undefined;
  const { makeStripePayments } = await import("@owners/adapter-stripe");
  const stripe = makeStripePayments({ secretKey, webhookSecret, clock });
  const payments = stripe.payments;
  return {
    payments,
    payoutAccounts: stripe.payoutAccounts,
    paymentSimulator: stripe.paymentSimulator,
  };
};
