import {
  type BookingId,
  type BookingResult,
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
import { DEFAULT_RESERVATION_CONFIG } from "../reservations/reservation-deps.ts";
import { loadExperience } from "./book-experience.ts";
import { refundBookingPayment } from "./booking-payment-news.ts";
import { endUnpaidCheckout } from "./end-unpaid-checkout.ts";

export interface CancelBookingDeps {
  readonly experiences: ExperienceStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** A paid booking's money goes back through it; an unpaid one's checkout is ended there. */
  readonly payments: Pick<PaymentGateway, "refundPayment" | "expireCheckout">;
}

export interface CancelBookingInput {
  readonly experienceId: ExperienceId;
  readonly bookingId: BookingId;
}

/**
 * The booking's owner frees its seats before the experience starts (one atomic write). A paid
 * booking is refunded in full first, under the booking's own key, so the seats are never given
 * back while the money is kept: a crash or a lost race after the refund is retried (here, or by
 * the owner) and replays it without moving money twice; a refused refund cancels nothing. An
 * unpaid hold's checkout is ended first, so it cannot be paid for seats that are gone (paid in
 * that instant, it is refunded like a paid booking).
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
        TE.chain((result) =>
          pipe(endUnpaidCheckout(deps)(result.booking), TE.chain(refundBookingPayment(deps))),
        ),
        TE.chain((cancelled) =>
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
            now,
          }),
        ),
      ),
    ),
  );
