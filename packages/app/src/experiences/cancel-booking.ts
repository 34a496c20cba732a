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
import { type AppError, appError } from "../errors.ts";
import { fromDomain } from "../harvest/from-domain.ts";
import type { Clock } from "../ports/clock.ts";
import type { ExperienceStore } from "../ports/experience-store.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import { loadExperience } from "./book-experience.ts";

export interface CancelBookingDeps {
  readonly experiences: ExperienceStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export interface CancelBookingInput {
  readonly experienceId: ExperienceId;
  readonly bookingId: BookingId;
}

/** The booking's owner frees its seats before the experience starts (one atomic write). */
export const cancelBooking =
  (deps: CancelBookingDeps) =>
  (actor: Actor, input: CancelBookingInput): TE.TaskEither<AppError, BookingResult> =>
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
            deps.experiences.cancel({
              booking: result.booking,
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
