export { checkoutExpiresAt } from "./checkout-expiry.ts";
export {
  translateStripeEvent,
  verifyStripeEvent,
  WEBHOOK_TOLERANCE_SECONDS,
} from "./event-translation.ts";
export { refusingPaymentSimulator } from "./refusing-simulator.ts";
export { makeStripeClient, type StripeClientOptions } from "./stripe-client.ts";
export { fromStripeError } from "./stripe-errors.ts";
export {
  makeStripePaymentGateway,
  paymentStateOf,
  type StripePaymentGatewayOptions,
} from "./stripe-payment-gateway.ts";
export {
  makeStripePayments,
  type StripePayments,
  type StripePaymentsOptions,
} from "./stripe-payments.ts";
export { makeStripePayoutAccounts } from "./stripe-payout-accounts.ts";
