import {
  type BookingId,
  bookingId,
  bookSeats,
  type Experience,
  type ExperienceBooking,
  type ExperienceId,
  experienceBookedMessage,
  type OwnerId,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireOwner } from "../access.ts";
import type { Actor } from "../actor.ts";
import { type AppError, appError } from "../errors.ts";
import { fromDomain } from "../harvest/from-domain.ts";
import { loadPlan } from "../loading.ts";
import type { Clock } from "../ports/clock.ts";
import type { BookOutcome, ExperienceStore } from "../ports/experience-store.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";

export interface BookExperienceDeps {
  readonly experiences: ExperienceStore;
  readonly ownerships: OwnershipStore;
  readonly plans: PlanRepository;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export interface BookExperienceInput {
  readonly experienceId: ExperienceId;
  readonly seats: number;
  /** A retried request with the same key returns the first booking and takes no more seats. */
  readonly idempotencyKey: string;
}

export const loadExperience = (
  experiences: ExperienceStore,
  id: ExperienceId,
): TE.TaskEither<AppError, Experience> =>
  pipe(
    experiences.get(id),
    TE.chain(
      O.match(
        () =>
          TE.left<AppError, Experience>(
            appError("EXPERIENCE.NOT_FOUND", "no such experience", { experienceId: id }),
          ),
        (experience) => TE.right(experience),
      ),
    ),
  );

/**
 * An owner of the plan books seats. The domain decides first (owner, seats, not started, room
 * left) so the common refusals need no write; the store then takes the seats in one conditional
 * write that re-checks capacity and ownership, so concurrent bookings never overbook.
 */
export const bookExperience =
  (deps: BookExperienceDeps) =>
  (actor: Actor, input: BookExperienceInput): TE.TaskEither<AppError, BookOutcome> =>
    pipe(
      requireOwner(actor),
      TE.bindTo("ownerId"),
      TE.bind("experience", () => loadExperience(deps.experiences, input.experienceId)),
      TE.let(
        "bookingId",
        ({ ownerId }): BookingId =>
          bookingId(
            deps.ids.deterministic("bkg", input.experienceId, ownerId, input.idempotencyKey),
          ),
      ),
      TE.bind("existing", ({ experience, bookingId: id }) =>
        deps.experiences.getBooking(experience.id, id),
      ),
      TE.chain(({ ownerId, experience, bookingId: id, existing }) =>
        O.isSome(existing)
          ? replay(existing.value, ownerId, experience)
          : book(deps, experience, ownerId, id, input.seats),
      ),
    );

const replay = (
  booking: ExperienceBooking,
  ownerId: OwnerId,
  experience: Experience,
): TE.TaskEither<AppError, BookOutcome> =>
  booking.ownerId === ownerId
    ? TE.right({ kind: "replayed", experience, booking })
    : TE.left(
        appError("STORE.DUPLICATE", "this booking id belongs to someone else", {
          bookingId: booking.id,
        }),
      );

const book = (
  deps: BookExperienceDeps,
  experience: Experience,
  ownerId: OwnerId,
  id: BookingId,
  seats: number,
): TE.TaskEither<AppError, BookOutcome> => {
  const now = deps.clock.now();
  return pipe(
    TE.Do,
    TE.bind("plan", () => loadPlan(deps.plans, experience.planId)),
    TE.bind("shares", () => deps.ownerships.ownerActiveShares(experience.planId, ownerId)),
    TE.bind("held", () => deps.experiences.ownerSeats(experience.id, ownerId)),
    TE.chain(({ plan, shares, held }) =>
      pipe(
        fromDomain(
          bookSeats({
            experience,
            bookingId: id,
            ownerId,
            isOwnerOfPlan: shares > 0,
            seats,
            ownerSeatsBooked: held,
            seatLimitPerOwner: plan.experienceSeatsPerOwner,
            now,
          }),
        ),
        // The store repeats the capacity, per-owner and ownership checks in its one write.
        TE.chain(({ booking }) =>
          deps.experiences.book({
            booking,
            planId: experience.planId,
            seatLimitPerOwner: plan.experienceSeatsPerOwner,
            notices: [
              experienceBookedMessage({
                id: deps.ids.deterministic("msg", "experience-booked", booking.id),
                experience,
                booking,
                at: now,
              }),
            ],
            now,
          }),
        ),
      ),
    ),
  );
};
