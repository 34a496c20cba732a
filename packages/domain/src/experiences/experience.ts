import * as E from "fp-ts/lib/Either.js";
import type { Yen } from "../money/money.ts";
import type { Plan } from "../plans/plan.ts";
import { type DomainError, fail } from "../shared/errors.ts";
import type { BookingId, ExperienceId, OwnerId, PlanId, ProducerId } from "../shared/ids.ts";
import { addMillis, type Instant, parseInstant } from "../shared/time.ts";

/** An on-site event (farm visit) of a plan, with a fixed number of seats. */
export interface Experience {
  readonly id: ExperienceId;
  readonly planId: PlanId;
  readonly producerId: ProducerId;
  readonly title: string;
  readonly startsAt: Instant;
  readonly capacity: number;
  readonly seatsBooked: number;
  /** Where owners meet (an address, a landmark); absent on experiences made before it existed. */
  readonly location?: string;
  /** What one seat costs, paid at booking through the payment port; absent: the visit is free. */
  readonly priceYenPerSeat?: Yen;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
  readonly version: number;
}

/**
 * A booking's seats. A paid experience's booking holds its seats as `pending_payment` until its
 * checkout is paid (then `active`) or ends unpaid (then `cancelled`, the seats back on offer).
 */
export type BookingStatus = "pending_payment" | "active" | "cancelled";

/** The checkout of a paid booking, and its refund once the booking is cancelled. */
export interface BookingPayment {
  /** The processor's payment id (Stripe: the Checkout Session). */
  readonly id: string;
  readonly checkoutUrl: string;
  /** The checkout can no longer be paid after this; the seats are released then. */
  readonly expiresAt: Instant;
  readonly status: "pending" | "succeeded";
  /** The captured payment a refund goes back to, once paid. */
  readonly paymentIntentId?: string;
  /** Set when the paid booking was cancelled and its money sent back (before refund intents). */
  readonly refundId?: string;
  /**
   * The refund intent committed with the cancellation of the paid booking (its id): the money
   * goes back through it after the write, and reconciliation retries it if it fails.
   */
  readonly refundIntentId?: string;
  /**
   * The processor's dispute (a chargeback) of this payment, once opened: the booking is flagged
   * and its producer and the administrators are told.
   */
  readonly disputeId?: string;
}

export interface ExperienceBooking {
  readonly id: BookingId;
  readonly experienceId: ExperienceId;
  readonly ownerId: OwnerId;
  readonly seats: number;
  readonly bookedAt: Instant;
  readonly status: BookingStatus;
  /** What the booking costs (seats × the price at booking time); absent when free. */
  readonly amountYen?: Yen;
  /** Paid bookings only: until when the seats are held unpaid. */
  readonly holdExpiresAt?: Instant;
  readonly payment?: BookingPayment;
  readonly cancelledAt?: Instant;
  readonly version: number;
}

/** A booking still holding seats (paid or waiting for its payment). */
export const holdsSeats = (booking: Pick<ExperienceBooking, "status">): boolean =>
  booking.status !== "cancelled";

export const EXPERIENCE_TITLE_MAX = 100;
/** Seats of one event: a farm visit, not a stadium. Also bounds a single booking. */
export const EXPERIENCE_CAPACITY_MAX = 10_000;
export const EXPERIENCE_LOCATION_MAX = 200;
/** The most one seat may cost (yen): a farm visit with lunch, not a tour package. */
export const EXPERIENCE_PRICE_MAX = 100_000;
/** Seats one owner may hold on one experience unless the plan says otherwise. */
export const DEFAULT_EXPERIENCE_SEATS_PER_OWNER = 4;

export const seatsLeft = (experience: Pick<Experience, "capacity" | "seatsBooked">): number =>
  experience.capacity - experience.seatsBooked;

export interface CreateExperienceInput {
  readonly id: ExperienceId;
  readonly plan: Pick<Plan, "id" | "producerId" | "status">;
  readonly actorProducerId: ProducerId;
  readonly title: string;
  readonly startsAt: string;
  readonly capacity: number;
  /** The meeting point; blank or left out means none is given. */
  readonly location?: string | undefined;
  /** What one seat costs in yen; 0 or left out: free. */
  readonly priceYenPerSeat?: number | undefined;
  readonly now: Instant;
}

/** Why a seat price is refused, or undefined when it is a whole number of yen in range. */
export const seatPriceProblem = (price: unknown): string | undefined =>
  typeof price === "number" &&
  Number.isSafeInteger(price) &&
  price >= 0 &&
  price <= EXPERIENCE_PRICE_MAX
    ? undefined
    : `must be a whole number of yen from 0 to ${EXPERIENCE_PRICE_MAX}`;

/** A new experience of the actor's own plan, starting in the future. */
export const createExperience = (
  input: CreateExperienceInput,
): E.Either<DomainError<"EXPERIENCE.INVALID" | "PLAN.NOT_PRODUCER">, Experience> => {
  const { plan, now } = input;
  if (plan.producerId !== input.actorProducerId)
    return fail("PLAN.NOT_PRODUCER", "only the plan's producer may add experiences", {
      planId: plan.id,
    });
  const fields: { field: string; message: string }[] = [];
  const title = typeof input.title === "string" ? input.title.trim() : "";
  if (title.length === 0 || title.length > EXPERIENCE_TITLE_MAX)
    fields.push({ field: "title", message: `must be 1 to ${EXPERIENCE_TITLE_MAX} characters` });
  const startsAt = typeof input.startsAt === "string" ? parseInstant(input.startsAt) : undefined;
  if (startsAt === undefined)
    fields.push({ field: "startsAt", message: "must be an ISO 8601 date-time" });
  else if (startsAt <= now) fields.push({ field: "startsAt", message: "must be in the future" });
  if (!isSeatCount(input.capacity))
    fields.push({
      field: "capacity",
      message: `must be a whole number from 1 to ${EXPERIENCE_CAPACITY_MAX}`,
    });
  const location = typeof input.location === "string" ? input.location.trim() : "";
  if (input.location !== undefined && typeof input.location !== "string")
    fields.push({ field: "location", message: "must be text" });
  else if (location.length > EXPERIENCE_LOCATION_MAX)
    fields.push({
      field: "location",
      message: `must be at most ${EXPERIENCE_LOCATION_MAX} characters`,
    });
  const priceProblem =
    input.priceYenPerSeat === undefined ? undefined : seatPriceProblem(input.priceYenPerSeat);
  if (priceProblem !== undefined) fields.push({ field: "priceYenPerSeat", message: priceProblem });
  // Experiences are for owners; a plan that never had or no longer has owners gets none.
  if (plan.status === "draft" || plan.status === "cancelled")
    fields.push({ field: "planId", message: `the plan is ${plan.status}` });
  if (fields.length > 0) return fail("EXPERIENCE.INVALID", "the experience is invalid", { fields });
  return E.right({
    id: input.id,
    planId: plan.id,
    producerId: plan.producerId,
    title,
    startsAt: startsAt as Instant,
    capacity: input.capacity,
    seatsBooked: 0,
    ...(location.length > 0 ? { location } : {}),
    ...((input.priceYenPerSeat ?? 0) > 0 ? { priceYenPerSeat: input.priceYenPerSeat as Yen } : {}),
    createdAt: now,
    updatedAt: now,
    version: 1,
  });
};

const isSeatCount = (n: number): boolean =>
  Number.isSafeInteger(n) && n >= 1 && n <= EXPERIENCE_CAPACITY_MAX;

const touch = (experience: Experience, seatsBooked: number, now: Instant): Experience => ({
  ...experience,
  seatsBooked,
  updatedAt: now,
  version: experience.version + 1,
});

export interface BookSeatsInput {
  readonly experience: Experience;
  readonly bookingId: BookingId;
  readonly ownerId: OwnerId;
  /** Whether ownerId holds an active ownership of experience.planId (the caller looks it up). */
  readonly isOwnerOfPlan: boolean;
  readonly seats: number;
  /** Seats the owner holds on this experience already (its active bookings). */
  readonly ownerSeatsBooked: number;
  /** The plan's per-owner seat limit (experienceSeatsPerOwner). */
  readonly seatLimitPerOwner: number;
  /** How long a paid booking's seats wait for the payment (the plan's paymentHoldMinutes). */
  readonly holdMinutes: number;
  readonly now: Instant;
}

export interface BookingResult {
  readonly experience: Experience;
  readonly booking: ExperienceBooking;
}

/**
 * Books seats for an owner of the plan, before the start, never beyond capacity (the storage
 * layer repeats the capacity check as a condition on seatsBooked, like shares).
 */
export const bookSeats = (
  input: BookSeatsInput,
): E.Either<
  DomainError<
    | "EXPERIENCE.NOT_OWNER"
    | "EXPERIENCE.INVALID"
    | "EXPERIENCE.CLOSED"
    | "EXPERIENCE.FULL"
    | "EXPERIENCE.OWNER_LIMIT"
  >,
  BookingResult
> => {
  const { experience, seats, now } = input;
  if (!input.isOwnerOfPlan)
    return fail("EXPERIENCE.NOT_OWNER", "only owners of the plan may book this experience", {
      experienceId: experience.id,
      planId: experience.planId,
    });
  if (!isSeatCount(seats))
    return fail("EXPERIENCE.INVALID", "seats must be a whole number of at least 1", {
      fields: [{ field: "seats", message: "must be a whole number of at least 1" }],
    });
  if (now >= experience.startsAt)
    return fail("EXPERIENCE.CLOSED", "the experience has already started", {
      experienceId: experience.id,
      startsAt: experience.startsAt,
    });
  // One owner cannot take a whole farm visit: seats beyond the plan's limit are refused whole.
  if (input.ownerSeatsBooked + seats > input.seatLimitPerOwner)
    return fail(
      "EXPERIENCE.OWNER_LIMIT",
      `an owner may book at most ${input.seatLimitPerOwner} seats of this experience`,
      {
        experienceId: experience.id,
        limit: input.seatLimitPerOwner,
        booked: input.ownerSeatsBooked,
        requested: seats,
      },
    );
  const left = seatsLeft(experience);
  if (seats > left)
    return fail("EXPERIENCE.FULL", `only ${Math.max(0, left)} seats are left`, {
      experienceId: experience.id,
      remaining: Math.max(0, left),
      requested: seats,
    });
  const price = experience.priceYenPerSeat ?? 0;
  return E.right({
    experience: touch(experience, experience.seatsBooked + seats, now),
    booking: {
      id: input.bookingId,
      experienceId: experience.id,
      ownerId: input.ownerId,
      seats,
      bookedAt: now,
      // A paid visit's seats are held for the checkout; a free one is booked at once.
      ...(price > 0
        ? {
            status: "pending_payment",
            amountYen: (price * seats) as Yen,
            holdExpiresAt: addMillis(now, input.holdMinutes * 60_000),
          }
        : { status: "active" }),
      version: 1,
    },
  });
};

export interface CancelBookingInput {
  readonly experience: Experience;
  readonly booking: ExperienceBooking;
  readonly actorOwnerId: OwnerId;
  readonly now: Instant;
}

/** The booking's owner frees its seats, until the experience starts. */
export const cancelBooking = (
  input: CancelBookingInput,
): E.Either<
  DomainError<"EXPERIENCE.NOT_OWNER" | "EXPERIENCE.INVALID" | "EXPERIENCE.CLOSED">,
  BookingResult
> => {
  const { experience, booking, now } = input;
  if (booking.experienceId !== experience.id)
    throw new RangeError(`booking ${booking.id} is not for experience ${experience.id}`);
  if (booking.ownerId !== input.actorOwnerId)
    return fail("EXPERIENCE.NOT_OWNER", "only the booking's owner may cancel it", {
      bookingId: booking.id,
    });
  if (!holdsSeats(booking))
    return fail("EXPERIENCE.INVALID", "the booking is already cancelled", {
      bookingId: booking.id,
    });
  if (now >= experience.startsAt)
    return fail("EXPERIENCE.CLOSED", "the experience has already started", {
      experienceId: experience.id,
      startsAt: experience.startsAt,
    });
  return E.right({
    experience: touch(experience, experience.seatsBooked - booking.seats, now),
    booking: { ...booking, status: "cancelled", cancelledAt: now, version: booking.version + 1 },
  });
};
