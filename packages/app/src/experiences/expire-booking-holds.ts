import type { BookingPaymentNews, ExperienceBooking } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { PaymentGateway } from "../ports/payment-gateway.ts";
import { applyBookingPaymentNews, type BookingPaymentDeps } from "./booking-payment-news.ts";

export type ExpireBookingHoldsDeps = BookingPaymentDeps & {
  readonly payments: Pick<PaymentGateway, "refundPayment" | "lookupPayment" | "expireCheckout">;
};

export interface BookingHoldExpiryReport {
  readonly examined: number;
  /** Paid meanwhile (the webhook had not come yet): confirmed instead of released. */
  readonly confirmed: number;
  readonly released: number;
  /** Holds left as they were (the processor unreachable): the next run tries again. */
  readonly failures: number;
  readonly more: boolean;
}

/**
 * Ends one paid booking's hold past its time as expireUnpaidHolds does for shares: the processor
 * is asked first; still pending, its checkout is expired there (so it cannot be paid after the
 * seats went back; paid in that instant, the answer says so and it is confirmed).
 */
const expireOne =
  (deps: ExpireBookingHoldsDeps) =>
  (hold: ExperienceBooking): TE.TaskEither<AppError, ExperienceBooking | undefined> => {
    const payment = hold.payment;
    const news = (lookup: { state: BookingPaymentNews["outcome"]; paymentIntentId?: string }) =>
      applyBookingPaymentNews(deps)(hold.experienceId, hold.id, {
        paymentId: payment?.id ?? "",
        // A checkout the processor still calls pending after expiry is over for us all the same.
        outcome: lookup.state === "pending" ? "expired" : lookup.state,
        ...(lookup.paymentIntentId === undefined
          ? {}
          : { paymentIntentId: lookup.paymentIntentId }),
      });
    if (payment === undefined) return TE.right(undefined);
    return pipe(
      deps.payments.lookupPayment(payment.id),
      TE.chain((lookup) =>
        lookup.state === "pending" ? deps.payments.expireCheckout(payment.id) : TE.right(lookup),
      ),
      TE.chain(news),
      TE.map((stored) => (stored._tag === "Some" ? stored.value : undefined)),
    );
  };

/** Releases up to `limit` paid bookings whose hold ended unpaid (the reconcile-payments batch). */
export const expireBookingHolds =
  (deps: ExpireBookingHoldsDeps) =>
  (input: { readonly limit: number }): TE.TaskEither<AppError, BookingHoldExpiryReport> =>
    pipe(
      deps.experiences.listExpiredHolds(deps.clock.now(), input.limit),
      TE.chain((holds) => async () => {
        let confirmed = 0;
        let released = 0;
        let failures = 0;
        for (const hold of holds) {
          const result = await expireOne(deps)(hold)();
          if (E.isLeft(result)) failures += 1;
          else if (result.right?.status === "active") confirmed += 1;
          else if (result.right?.status === "cancelled") released += 1;
        }
        return E.right({
          examined: holds.length,
          confirmed,
          released,
          failures,
          more: holds.length === input.limit,
        });
      }),
    );
