import {
  type BookingPaymentNews,
  commitBookingRefund,
  type ExperienceBooking,
  type ExperienceId,
  experienceBookedMessage,
  type RefundIntent,
  settleBookingPayment,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { retryOnConflict } from "../conflict-retry.ts";
import type { AppError } from "../errors.ts";
import type { Clock } from "../ports/clock.ts";
import type { ExperienceStore } from "../ports/experience-store.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { PaymentGateway } from "../ports/payment-gateway.ts";
import type { RefundIntentStore } from "../ports/refund-intents.ts";
import { type FinishRefundDeps, finishRefundIntent } from "../reservations/finish-refund-intent.ts";
import { DEFAULT_RESERVATION_CONFIG } from "../reservations/reservation-deps.ts";
import { loadExperience } from "./book-experience.ts";

export interface BookingPaymentDeps {
  readonly experiences: ExperienceStore;
  readonly payments: Pick<PaymentGateway, "refundPayment">;
  readonly refundIntents: RefundIntentStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/**
 * After a paid booking's cancellation (or late payment) is written with its refund intent: the
 * refund is made at the processor under the intent's key, and the answer recorded on the intent.
 * A refusal leaves it failed and an unreachable processor leaves it pending: reconciliation
 * retries it either way (and reports a refusal), so the committed cancellation stands.
 */
export const payBookingRefund =
  (deps: FinishRefundDeps) =>
  (refundIntent: RefundIntent | undefined): TE.TaskEither<AppError, void> =>
    refundIntent === undefined
      ? TE.right(undefined)
      : pipe(
          finishRefundIntent(deps)(refundIntent),
          TE.map(() => undefined),
          TE.orElse(() => TE.right<AppError, void>(undefined)),
        );

/** payBookingRefund for each intent, one after another (an owner holds a handful of bookings). */
export const payBookingRefunds =
  (deps: FinishRefundDeps) =>
  (refundIntents: readonly RefundIntent[] | undefined): TE.TaskEither<AppError, void> =>
    pipe(
      TE.sequenceSeqArray((refundIntents ?? []).map(payBookingRefund(deps))),
      TE.map(() => undefined),
    );

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
        loadExperience(deps.experiences, stored.experienceId),
        TE.chain((experience) => {
          const { booking, refundIntent } = commitBookingRefund(
            step.booking,
            experience.planId,
            now,
          );
          return pipe(
            deps.experiences.amendBooking(booking, stored.version, refundIntent),
            TE.chainFirst(() => payBookingRefund(deps)(refundIntent)),
          );
        }),
      );
  }
};
