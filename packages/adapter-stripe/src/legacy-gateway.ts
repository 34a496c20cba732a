import type { PaymentGateway } from "@owners/app";
import { appError } from "@owners/app";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { CheckoutGateway } from "./stripe-payment-gateway.ts";

/**
 * @deprecated goes with PaymentGateway.charge/refund (issue 14's merge deletes both): binds a
 * payment-first gateway where the port still lists them, refusing the charge-first calls.
 */
export const asPaymentGateway = <G extends CheckoutGateway>(gateway: G): G & PaymentGateway =>
  Object.assign(gateway, {
    charge: () =>
      TE.left(appError("PAYMENT.UNAVAILABLE", "charge-first payments are gone: open a checkout")),
    refund: () =>
      TE.left(appError("PAYMENT.UNAVAILABLE", "refund by PaymentIntent (refundPayment)")),
  });
