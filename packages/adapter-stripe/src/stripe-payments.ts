import type { Clock, PaymentGateway, PaymentSimulator, PayoutAccounts } from "@owners/app";
import { refusingPaymentSimulator } from "./refusing-simulator.ts";
import { makeStripeClient, type StripeClientOptions } from "./stripe-client.ts";
import { makeStripePaymentGateway } from "./stripe-payment-gateway.ts";
import { makeStripePayoutAccounts } from "./stripe-payout-accounts.ts";

export interface StripePaymentsOptions extends StripeClientOptions {
  readonly webhookSecret: string;
  readonly clock: Clock;
}

/** Everything a composition binds for Stripe: one client shared by the gateway and accounts. */
export interface StripePayments {
  readonly payments: PaymentGateway;
  readonly payoutAccounts: PayoutAccounts;
  readonly paymentSimulator: PaymentSimulator;
}

/** The Stripe gateway, payout accounts and the refusing simulator, from the keys. */
export const makeStripePayments = (options: StripePaymentsOptions): StripePayments => {
  const stripe = makeStripeClient(options);
  return {
    payments: makeStripePaymentGateway({
      stripe,
      webhookSecret: options.webhookSecret,
      clock: options.clock,
    }),
    payoutAccounts: makeStripePayoutAccounts({ stripe }),
    paymentSimulator: refusingPaymentSimulator,
  };
};
