import { makeIdGenerator } from "@owners/adapter-local";
import { makeStripePayments } from "@owners/adapter-stripe";
import {
  type LocalPaymentProcessor,
  makeLocalPaymentProcessor,
} from "@owners/adapter-stripe/local";
import type { Clock, Ports } from "@owners/app";
import { deliverOverHttp } from "./webhook-delivery.ts";

/** The local processor's webhook signing secret: not a secret, never accepted by Stripe. */
export const LOCAL_WEBHOOK_SECRET = "whsec_owners_local_processor_not_a_secret";

/** Stripe test mode instead of the local processor (OWNERS_STRIPE_SECRET_KEY and _WEBHOOK_SECRET). */
export interface StripeKeys {
  readonly secretKey: string;
  readonly webhookSecret: string;
}

export interface LocalPayments {
  readonly ports: Pick<Ports, "payments" | "payoutAccounts" | "paymentSimulator">;
  /** The local processor, whose checkout pages the stack serves; absent with Stripe. */
  readonly processor?: LocalPaymentProcessor;
}

/**
 * `pnpm start`'s processor: the local one (checkout pages on this machine, webhooks signed with
 * Stripe's library and posted to the API), or Stripe's test mode when its keys are set (Stripe
 * hosts the checkout; `stripe listen` forwards its webhooks to the API).
 */
export const localPayments = (options: {
  readonly clock: Clock;
  readonly stripe?: StripeKeys;
  readonly checkoutBaseUrl: string;
  readonly apiUrl: () => string;
}): LocalPayments => {
  if (options.stripe !== undefined) {
    const stripe = makeStripePayments({ ...options.stripe, clock: options.clock });
    const payments = stripe.payments;
    return {
      ports: {
        payments,
        payoutAccounts: stripe.payoutAccounts,
        paymentSimulator: stripe.paymentSimulator,
      },
    };
  }
  const processor = makeLocalPaymentProcessor({
    webhookSecret: LOCAL_WEBHOOK_SECRET,
    checkoutBaseUrl: options.checkoutBaseUrl,
    clock: options.clock,
    ids: makeIdGenerator(),
    deliver: deliverOverHttp(options.apiUrl),
  });
  // Until the reservation path stops charging first (issue 14's merge), its calls go to the twin.
  const payments = processor;
  return {
    ports: {
      payments,
      payoutAccounts: processor,
      paymentSimulator: processor,
    },
    processor,
  };
};
