import type { PaymentSimulator } from "@owners/app";
import { appError } from "@owners/app";
import * as TE from "fp-ts/lib/TaskEither.js";

/**
 * The simulator bound beside a real processor: nobody but the owner at Stripe's page completes
 * a Stripe payment, so every call is refused (the dev route answers 503, never a fake payment).
 */
export const refusingPaymentSimulator: PaymentSimulator = {
  settle: () =>
    TE.left(
      appError(
        "PAYMENT.UNAVAILABLE",
        "payments cannot be simulated with a real processor (Stripe): pay on the checkout page",
      ),
    ),
};
