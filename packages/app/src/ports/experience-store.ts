import type {
  BookingId,
  BookingResult,
  Experience,
  ExperienceBooking,
  ExperienceId,
  Instant,
  OutboxMessage,
  OwnerId,
  PlanId,
  RefundIntent,
} from "@owners/domain";
import type * as O from "fp-ts/lib/Option.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { Page, PageRequest } from "../pagination.ts";

export interface BookCommand {
  /**
   * The booking to create (active; or pending_payment with its checkout, for a paid experience:
   * its seats are held until the checkout ends); its id comes from (experience, owner, key).
   */
  readonly booking: ExperienceBooking;
  /** The experience's plan: the owner must hold an active ownership of it. */
  readonly planId: PlanId;
  /** The plan's per-owner seat limit: the owner's active seats on the experience stay within it. */
  readonly seatLimitPerOwner: number;
  /** The booking's notice (experience-booked), written in the same atomic write. */
  readonly notices?: readonly OutboxMessage[];
  readonly now: Instant;
}

export type BookOutcome =
  | {
      readonly kind: "booked";
      readonly experience: Experience;
      readonly booking: ExperienceBooking;
    }
  /** A booking with this id already existed: nothing was written, this is the stored one. */
  | {
      readonly kind: "replayed";
      readonly experience: Experience;
      readonly booking: ExperienceBooking;
    };

export interface ConfirmBookingCommand {
  /** The booking as it becomes once paid (status active, version + 1). */
  readonly booking: ExperienceBooking;
  readonly expectedVersion: number;
  /** The booking's notice (experience-booked), written in the same atomic write. */
  readonly notices?: readonly OutboxMessage[];
}

export interface CancelBookingCommand {
  /** The booking as it becomes (status cancelled, version + 1). */
  readonly booking: ExperienceBooking;
  /** The experience's plan: the owner's booked seats there go down with it. */
  readonly planId: PlanId;
  readonly expectedVersion: number;
  /** The cancellation's notice (experience-cancelled), written in the same atomic write. */
  readonly notices?: readonly OutboxMessage[];
  /**
   * The refund a paid booking's cancellation owes (commitBookingRefund), created (state pending)
   * in the same atomic write (STORE.DUPLICATE if one with its id exists); paid after the write.
   */
  readonly refundIntent?: RefundIntent;
  readonly now: Instant;
}

/** Owns the seat counters: every change to seatsBooked goes through one atomic write here. */
export interface ExperienceStore {
  /** Stores a new experience; STORE.DUPLICATE if its id is taken. */
  create(experience: Experience): TE.TaskEither<AppError, Experience>;
  /**
   * Replaces its producer's terms (title, start, capacity, location) of the stored experience at
   * expectedVersion (STORE.VERSION_CONFLICT otherwise, or if its seats booked exceed the new
   * capacity; EXPERIENCE.NOT_FOUND if absent); its seat counters are the stored ones.
   */
  update(experience: Experience, expectedVersion: number): TE.TaskEither<AppError, Experience>;
  /** The experience, or none. */
  get(id: ExperienceId): TE.TaskEither<AppError, O.Option<Experience>>;
  /**
   * The experiences of these ids that exist, in no particular order (duplicates read once): one
   * batch read for a list of bookings instead of one read per booking.
   */
  getMany(ids: readonly ExperienceId[]): TE.TaskEither<AppError, readonly Experience[]>;
  /** A plan's experiences by start time (then id). */
  listByPlan(planId: PlanId, page: PageRequest): TE.TaskEither<AppError, Page<Experience>>;
  /**
   * In one atomic write: the experience exists (EXPERIENCE.NOT_FOUND) and has not started
   * (EXPERIENCE.CLOSED), seatsBooked + seats <= capacity (EXPERIENCE.FULL), the owner's active
   * seats on it + seats <= seatLimitPerOwner (EXPERIENCE.OWNER_LIMIT), the owner holds an active
   * ownership of the plan (EXPERIENCE.NOT_OWNER), seatsBooked and version go up, the booking is
   * created with its notices. If the booking id exists, nothing is written ("replayed").
   */
  book(command: BookCommand): TE.TaskEither<AppError, BookOutcome>;
  /**
   * In one atomic write: the stored booking holds seats (active, or pending_payment) at
   * expectedVersion (STORE.VERSION_CONFLICT otherwise), becomes cancelled, and its seats return to
   * the experience.
   */
  cancel(command: CancelBookingCommand): TE.TaskEither<AppError, BookingResult>;
  /**
   * A paid booking's checkout was paid: in one atomic write the stored booking is pending_payment
   * at expectedVersion (STORE.VERSION_CONFLICT otherwise), becomes active, with its notices. Its
   * seats were taken when it was held.
   */
  confirm(command: ConfirmBookingCommand): TE.TaskEither<AppError, ExperienceBooking>;
  /**
   * Replaces a booking's payment record at expectedVersion, its status and seats unchanged
   * (STORE.VERSION_CONFLICT otherwise); the refund intent it commits (money paid for a booking
   * already cancelled), if any, is created in the same atomic write (STORE.DUPLICATE if one with
   * its id exists).
   */
  amendBooking(
    booking: ExperienceBooking,
    expectedVersion: number,
    refundIntent?: RefundIntent,
  ): TE.TaskEither<AppError, ExperienceBooking>;
  /** Up to `limit` bookings still pending_payment whose hold ended at or before `now`. */
  listExpiredHolds(
    now: Instant,
    limit: number,
  ): TE.TaskEither<AppError, readonly ExperienceBooking[]>;
  /** Seats the owner holds on the experience in bookings holding seats (0 when none). */
  ownerSeats(experienceId: ExperienceId, ownerId: OwnerId): TE.TaskEither<AppError, number>;
  /**
   * The booking paid with this PaymentIntent (what a dispute at the processor names), or none.
   * Indexed by every write that stores a booking with a captured payment.
   */
  findBookingByPaymentIntent(
    paymentIntentId: string,
  ): TE.TaskEither<AppError, O.Option<ExperienceBooking>>;
  /** The booking, or none. */
  getBooking(
    experienceId: ExperienceId,
    bookingId: BookingId,
  ): TE.TaskEither<AppError, O.Option<ExperienceBooking>>;
  /** An experience's bookings (active and cancelled) in booking id order. */
  listBookings(
    experienceId: ExperienceId,
    page: PageRequest,
  ): TE.TaskEither<AppError, Page<ExperienceBooking>>;
  /** An owner's bookings across experiences, newest first. */
  listBookingsByOwner(
    ownerId: OwnerId,
    page: PageRequest,
  ): TE.TaskEither<AppError, Page<ExperienceBooking>>;
}
