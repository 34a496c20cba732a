import {
  type BookingId,
  bookingId,
  bookSeats,
  domainError,
  type Experience,
  type ExperienceBooking,
  type ExperienceId,
  experienceBookedMessage,
  type OwnerId,
  type Plan,
  platformFee,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireOwner } from "../access.ts";
import type { Actor } from "../actor.ts";
import { type AppError, appError } from "../errors.ts";
import { fromDomain } from "../harvest/from-domain.ts";
import { loadPlan } from "../loading.ts";
import { payoutDestination } from "../payments/payout-destination.ts";
import type { Clock } from "../ports/clock.ts";
import type { BookOutcome, ExperienceStore } from "../ports/experience-store.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";
import type { PaymentGateway } from "../ports/payment-gateway.ts";
import type { PayoutAccountStore } from "../ports/payout-account-store.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";
import type { ReservationConfig } from "../reservations/reservation-deps.ts";

export interface BookExperienceDeps {
  readonly experiences: ExperienceStore;
  readonly ownerships: OwnershipStore;
  readonly plans: PlanRepository;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Where a paid experience's seats are paid for. */
  readonly payments: Pick<PaymentGateway, "startCheckout">;
  /** Where the checkout sends the owner back (the site). */
  readonly config: Pick<ReservationConfig, "checkoutReturnUrl">;
  /** The producers' payout accounts: seats are paid to the producer like shares. */
  readonly payoutAccountStore?: PayoutAccountStore;
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
          ? replay(existing.value, ownerId, experience, input.seats)
          : book(deps, experience, ownerId, id, input.seats),
      ),
    );

/**
 * A repeat of a booking (the same key): the first booking, unless the repeat asks for another
 * number of seats, which a client that changed its request after a timeout must be told.
 */
const replay = (
  booking: ExperienceBooking,
  ownerId: OwnerId,
  experience: Experience,
  seats: number,
): TE.TaskEither<AppError, BookOutcome> => {
  if (booking.ownerId !== ownerId)
    return TE.left(
      appError("STORE.DUPLICATE", "this booking id belongs to someone else", {
        bookingId: booking.id,
      }),
    );
  if (booking.seats !== seats)
    return TE.left(
      domainError(
        "EXPERIENCE.IDEMPOTENCY_MISMATCH",
        "this idempotency key was used for a booking of another number of seats",
        { bookingId: booking.id, seats: booking.seats },
      ),
    );
  return TE.right({ kind: "replayed", experience, booking });
};

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
            holdMinutes: plan.paymentHoldMinutes,
            now,
          }),
        ),
        TE.chain(({ booking }) => withBookingCheckout(deps, experience, plan)(booking)),
        // The store repeats the capacity, per-owner and ownership checks in its one write. A paid
        // booking's notice waits for its payment (confirmBookingPayment writes it).
        TE.chain((booking) =>
          deps.experiences.book({
            booking,
            planId: experience.planId,
            seatLimitPerOwner: plan.experienceSeatsPerOwner,
            notices:
              booking.status === "active"
                ? [
                    experienceBookedMessage({
                      id: deps.ids.deterministic("msg", "experience-booked", booking.id),
                      experience,
                      booking,
                      at: now,
                    }),
                  ]
                : [],
            now,
          }),
        ),
      ),
    ),
  );
};

/**
 * A paid booking's checkout, opened before the booking is written so the one atomic write stores
 * it (as a reservation's). The processor key is the booking id: a retry gets the same checkout. A
 * write refused meanwhile (full) leaves the checkout unused; nobody was given its page, and it
 * ends with the hold. The producer's part is the seat price less the plan's platform fee.
 */
const withBookingCheckout =
  (deps: BookExperienceDeps, experience: Experience, plan: Plan) =>
  (booking: ExperienceBooking): TE.TaskEither<AppError, ExperienceBooking> => {
    const amountYen = booking.amountYen;
    if (booking.status !== "pending_payment" || amountYen === undefined) return TE.right(booking);
    const expiresAt = booking.holdExpiresAt ?? booking.bookedAt;
    return pipe(
      TE.Do,
      TE.apS("fee", fromDomain(platformFee(amountYen, plan.platformFeeBps))),
      TE.apS("destination", payoutDestination(deps)(plan.producerId)),
      TE.chain(({ fee, destination }) =>
        deps.payments.startCheckout({
          idempotencyKey: `checkout:${booking.id}:${amountYen}:${expiresAt}`,
          bookingId: booking.id,
          experienceId: experience.id,
          ownerId: booking.ownerId,
          amountYen,
          applicationFeeYen: fee.feeYen,
          ...(destination === undefined ? {} : { destinationAccountId: destination }),
          description: `${experience.title}: ${booking.seats} seat(s)`,
          expiresAt,
          returnUrl: deps.config.checkoutReturnUrl,
        }),
      ),
      TE.map(
        (session): ExperienceBooking => ({
          ...booking,
          payment: {
            id: session.paymentId,
            checkoutUrl: session.checkoutUrl,
            expiresAt: session.expiresAt,
            status: "pending",
          },
        }),
      ),
    );
  };
