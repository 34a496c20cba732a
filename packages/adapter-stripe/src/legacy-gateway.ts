import type { PaymentGateway } from "@owners/app";
import { appError } from "@owners/app";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { CheckoutGateway } from "./stripe-payment-gateway.ts";

/**
 * @deprecated goes with PaymentGateway.charge/refund (issue 14's merge deletes both): binds a
 * payment-first gateway where the port still lists them. The charge-first calls are refused, or
 * handed to `legacy` (the local stack's in-process twin) until the reservation path stops using them.
 */
export const asPaymentGateway = <G extends CheckoutGateway>(
  gateway: G,
  legacy?: Pick<PaymentGateway, "charge" | "refund">,
): G & PaymentGateway =>
  Object.assign(gateway, {
    charge:
      legacy?.charge ??
      (() =>
        TE.left(
          appError("PAYMENT.UNAVAILABLE", "charge-first payments are gone: open a checkout"),
        )),
    refund:
      legacy?.refund ??
      (() => TE.left(appError("PAYMENT.UNAVAILABLE", "refund by PaymentIntent (refundPayment)"))),
  });
