import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import {
  applyBookingPaymentNews,
  type BookingPaymentDeps,
} from "../experiences/booking-payment-news.ts";
import type { PaymentEvent } from "../ports/payment-gateway.ts";

export type BookingPaymentEvent = Extract<PaymentEvent, { readonly kind: "booking.payment" }>;

/** Compositions without experiences (the reservation slice's tests) acknowledge and change nothing. */
export type OnBookingPaymentDeps = Omit<BookingPaymentDeps, "experiences"> & {
  readonly experiences?: BookingPaymentDeps["experiences"];
};

/**
 * booking.payment: a paid experience booking's checkout moved. Applied to the booking it was
 * opened for; a booking we do not have (another environment sharing the account) changes nothing.
 */
export const onBookingPayment =
  (deps: OnBookingPaymentDeps) =>
  (event: BookingPaymentEvent): TE.TaskEither<AppError, void> => {
    const experiences = deps.experiences;
    if (experiences === undefined) return TE.right(undefined);
    return pipe(
      applyBookingPaymentNews({ ...deps, experiences })(event.experienceId, event.bookingId, {
        paymentId: event.paymentId,
        outcome: event.outcome,
        ...(event.paymentIntentId === undefined ? {} : { paymentIntentId: event.paymentIntentId }),
      }),
      TE.map(() => undefined),
    );
  };
