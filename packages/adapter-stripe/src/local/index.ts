export {
  type CheckoutAnswer,
  type CheckoutChoice,
  LOCAL_CARDS,
  type LocalCheckoutView,
  type LocalPaymentProcessor,
  type LocalPaymentProcessorOptions,
  makeLocalPaymentProcessor,
} from "./local-processor.ts";
export {
  type Json,
  makeStripeBook,
  type SessionOutcome,
  type StripeBook,
  StripeBookError,
} from "./stripe-book.ts";
