import {
  type BookingPaymentNews,
  bookingRefundKey,
  type ExperienceBooking,
  type ExperienceId,
  experienceBookedMessage,
  owesRefund,
  settleBookingPayment,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { retryOnConflict } from "../conflict-retry.ts";
import { type AppError, appError } from "../errors.ts";
import type { Clock } from "../ports/clock.ts";
import type { ExperienceStore } from "../ports/experience-store.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { PaymentGateway } from "../ports/payment-gateway.ts";
import { DEFAULT_RESERVATION_CONFIG } from "../reservations/reservation-deps.ts";
import { loadExperience } from "./book-experience.ts";

export interface BookingPaymentDeps {
  readonly experiences: ExperienceStore;
  readonly payments: Pick<PaymentGateway, "refundPayment">;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/**
 * Sends a paid booking's money back in full under the booking's own key (a retry replays the
 * processor's first answer: money moves once) and returns the booking with its refund's id.
 * PAYMENT.DECLINED when the processor refuses (or answers the refund failed), PAYMENT.UNAVAILABLE
 * when it cannot be reached.
 */
export const refundBookingPayment =
  (deps: Pick<BookingPaymentDeps, "payments">) =>
  (booking: ExperienceBooking): TE.TaskEither<AppError, ExperienceBooking> => {
    const payment = booking.payment;
    const amountYen = booking.amountYen;
    if (!owesRefund(booking) || payment?.paymentIntentId === undefined || amountYen === undefined)
      return TE.right(booking);
    return pipe(
      deps.payments.refundPayment({
        idempotencyKey: bookingRefundKey(booking),
        paymentIntentId: payment.paymentIntentId,
        amountYen,
        bookingId: booking.id,
        experienceId: booking.experienceId,
      }),
      // A refund the processor answers as failed moved no money: a refusal, like a decline.
      TE.chain((receipt) =>
        receipt.state === "failed"
          ? TE.left(
              appError("PAYMENT.DECLINED", `the processor failed refund ${receipt.refundId}`, {
                bookingId: booking.id,
              }),
            )
          : TE.right<AppError, ExperienceBooking>({
              ...booking,
              payment: { ...payment, refundId: receipt.refundId },
            }),
      ),
    );
  };

/**
 * Applies the processor's news of a paid booking's checkout (its webhook, or the expiry sweep's
 * lookup): paid, the held seats become the owner's with the booked notice in the same write;
 * failed or expired, the seats go back; paid for a booking already cancelled, the money goes back.
 * Repeats and stale news change nothing; a concurrent change is re-read and re-applied. Returns
 * the booking as stored, or none when it is not ours (another environment's payment).
 */
export const applyBookingPaymentNews =
  (deps: BookingPaymentDeps) =>
  (
    experienceId: ExperienceId,
    bookingId: ExperienceBooking["id"],
    news: BookingPaymentNews,
  ): TE.TaskEither<AppError, O.Option<ExperienceBooking>> =>
    retryOnConflict(DEFAULT_RESERVATION_CONFIG.conflictRetry, () =>
      pipe(
        deps.experiences.getBooking(experienceId, bookingId),
        TE.chain(
          O.match(
            () => TE.right<AppError, O.Option<ExperienceBooking>>(O.none),
            (stored) => pipe(settle(deps, stored, news), TE.map(O.some)),
          ),
        ),
      ),
    );

const settle = (
  deps: BookingPaymentDeps,
  stored: ExperienceBooking,
  news: BookingPaymentNews,
): TE.TaskEither<AppError, ExperienceBooking> => {
  const now = deps.clock.now();
  const step = settleBookingPayment(stored, news, now);
  switch (step.kind) {
    case "unchanged":
      return TE.right(stored);
    case "confirm":
      return pipe(
        loadExperience(deps.experiences, stored.experienceId),
        TE.chain((experience) =>
          deps.experiences.confirm({
            booking: step.booking,
            expectedVersion: stored.version,
            notices: [
              experienceBookedMessage({
                id: deps.ids.deterministic("msg", "experience-booked", stored.id),
                experience,
                booking: step.booking,
                at: now,
              }),
            ],
          }),
        ),
      );
    case "release":
      return pipe(
        loadExperience(deps.experiences, stored.experienceId),
        TE.chain((experience) =>
          deps.experiences.cancel({
            booking: step.booking,
            planId: experience.planId,
            expectedVersion: stored.version,
            now,
          }),
        ),
        TE.map((result) => result.booking),
      );
    case "refund":
      return pipe(
        refundBookingPayment(deps)(step.booking),
        TE.chain((refunded) => deps.experiences.amendBooking(refunded, stored.version)),
      );
  }
};
