import {
  type BookingId,
  type BookingResult,
  commitBookingRefund,
  cancelBooking as domainCancelBooking,
  type ExperienceBooking,
  type ExperienceId,
  experienceCancelledMessage,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireOwner } from "../access.ts";
import type { Actor } from "../actor.ts";
import { retryOnConflict } from "../conflict-retry.ts";
import { type AppError, appError } from "../errors.ts";
import { fromDomain } from "../harvest/from-domain.ts";
import type { Clock } from "../ports/clock.ts";
import type { ExperienceStore } from "../ports/experience-store.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { PaymentGateway } from "../ports/payment-gateway.ts";
import type { RefundIntentStore } from "../ports/refund-intents.ts";
import { DEFAULT_RESERVATION_CONFIG } from "../reservations/reservation-deps.ts";
import { loadExperience } from "./book-experience.ts";
import { payBookingRefund } from "./booking-payment-news.ts";
import { endUnpaidCheckout } from "./end-unpaid-checkout.ts";

export interface CancelBookingDeps {
  readonly experiences: ExperienceStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** A paid booking's money goes back through it; an unpaid one's checkout is ended there. */
  readonly payments: Pick<PaymentGateway, "refundPayment" | "expireCheckout">;
  /** Where a paid booking's refund is committed (with the cancel) and followed. */
  readonly refundIntents: RefundIntentStore;
}

export interface CancelBookingInput {
  readonly experienceId: ExperienceId;
  readonly bookingId: BookingId;
}

/**
 * The booking's owner frees its seats before the experience starts (one atomic write). A paid
 * booking's full refund is committed in that write as a refund intent (keyed by the booking) and
 * made at the processor after it, the way an ownership's is: a refused write moves no money, and
 * a refund the processor refuses or fails later is tracked, retried by reconciliation under a
 * fresh key and reported, never lost and never paid twice. An unpaid hold's checkout is ended
 * first, so it cannot be paid for seats that are gone (paid in that instant, the late payment is
 * refunded the same way).
 */
export const cancelBooking =
  (deps: CancelBookingDeps) =>
  (actor: Actor, input: CancelBookingInput): TE.TaskEither<AppError, BookingResult> =>
    retryOnConflict(DEFAULT_RESERVATION_CONFIG.conflictRetry, () => attempt(deps, actor, input));

const attempt = (
  deps: CancelBookingDeps,
  actor: Actor,
  input: CancelBookingInput,
): TE.TaskEither<AppError, BookingResult> =>
  pipe(
    requireOwner(actor),
    TE.bindTo("ownerId"),
    TE.bind("experience", () => loadExperience(deps.experiences, input.experienceId)),
    TE.bind("booking", () =>
      pipe(
        deps.experiences.getBooking(input.experienceId, input.bookingId),
        TE.chain(
          O.match(
            () =>
              TE.left<AppError, ExperienceBooking>(
                appError("BOOKING.NOT_FOUND", "no such booking", { bookingId: input.bookingId }),
              ),
            (booking) => TE.right(booking),
          ),
        ),
      ),
    ),
    TE.bind("now", () => TE.right(deps.clock.now())),
    TE.chain(({ ownerId, experience, booking, now }) =>
      pipe(
        fromDomain(domainCancelBooking({ experience, booking, actorOwnerId: ownerId, now })),
        TE.chain((result) => endUnpaidCheckout(deps)(result.booking)),
        TE.map((cancelled) => commitBookingRefund(cancelled, experience.planId, now)),
        TE.chain(({ booking: cancelled, refundIntent }) =>
          pipe(
            deps.experiences.cancel({
              booking: cancelled,
              planId: experience.planId,
              expectedVersion: booking.version,
              notices: [
                experienceCancelledMessage({
                  id: deps.ids.deterministic("msg", "experience-cancelled", booking.id),
                  experience,
                  booking,
                  at: now,
                  by: "owner",
                }),
              ],
              ...(refundIntent === undefined ? {} : { refundIntent }),
              now,
            }),
            TE.chainFirst(() => payBookingRefund(deps)(refundIntent)),
          ),
        ),
      ),
    ),
  );
