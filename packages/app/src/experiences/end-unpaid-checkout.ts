import type { ExperienceBooking } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { PaymentGateway } from "../ports/payment-gateway.ts";

/**
 * A booking being cancelled while its checkout is still open: the checkout is ended at the
 * processor first, so nobody pays for seats that are gone. If it was paid in that instant, the
 * booking (still to be stored as cancelled) carries the captured payment, so the caller refunds it.
 */
export const endUnpaidCheckout =
  (deps: { readonly payments: Pick<PaymentGateway, "expireCheckout"> }) =>
  (booking: ExperienceBooking): TE.TaskEither<AppError, ExperienceBooking> => {
    const payment = booking.payment;
    if (payment === undefined || payment.status !== "pending") return TE.right(booking);
    return pipe(
      deps.payments.expireCheckout(payment.id),
      TE.map((lookup): ExperienceBooking => {
        if (lookup.state !== "succeeded") return booking;
        return {
          ...booking,
          payment: {
            ...payment,
            status: "succeeded",
            ...(lookup.paymentIntentId === undefined
              ? {}
              : { paymentIntentId: lookup.paymentIntentId }),
          },
        };
      }),
    );
  };
