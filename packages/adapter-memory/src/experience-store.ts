import type { BookOutcome, CursorCodec, ExperienceStore, Outbox } from "@owners/app";
import { type AppError, appError, storeErrors } from "@owners/app";
import {
  domainError,
  type Experience,
  type ExperienceBooking,
  holdsSeats,
  type OutboxMessage,
  type OwnerId,
  type PlanId,
  type RefundIntent,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { type BookingReleaser, registerBookingReleaser } from "./booking-releaser.ts";
import { copy, deferred, deferredValue } from "./deferred.ts";
import { paginate } from "./paginate.ts";
import type { ReservationDb } from "./reservation-db.ts";

export interface MemoryExperienceStoreOptions {
  readonly cursors: CursorCodec;
  /** Whether the owner holds an active ownership of the plan (the OwnershipStore's answer). */
  readonly isActiveOwner: (planId: PlanId, ownerId: OwnerId) => TE.TaskEither<AppError, boolean>;
  /** Where booking notices go (written with the booking change). */
  readonly outbox?: Outbox;
  /** The reservation database whose ownership cancels release this store's bookings. */
  readonly reservationDb?: ReservationDb;
}

const experienceKey = (e: Experience) => `${e.startsAt}#${e.id}`;
const ownerBookingKey = (b: ExperienceBooking) => `${b.bookedAt}#${b.id}`;
const byString =
  <T>(keyOf: (item: T) => string, descending = false) =>
  (a: T, b: T) =>
    (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0) * (descending ? -1 : 1);

/**
 * The ExperienceStore of the memory mode and the use-case tests. Each seat change is checked and
 * applied in one synchronous step, which is what makes it atomic in a single-threaded process.
 */
export const makeMemoryExperienceStore = (
  options: MemoryExperienceStoreOptions,
): ExperienceStore => {
  const { cursors } = options;
  const experiences = new Map<string, Experience>();
  const bookings = new Map<string, Map<string, ExperienceBooking>>();
  const bookingsOf = (experienceId: string) => {
    const found = bookings.get(experienceId) ?? new Map<string, ExperienceBooking>();
    bookings.set(experienceId, found);
    return found;
  };
  const versionConflict = (bookingId: string, expectedVersion: number) =>
    E.left(
      appError("STORE.VERSION_CONFLICT", "the booking changed since it was read", {
        bookingId,
        expectedVersion,
      }),
    );
  const notFound = (experienceId: string) =>
    E.left(appError("EXPERIENCE.NOT_FOUND", "no such experience", { experienceId }));
  const withSeats = (experience: Experience, delta: number, now: string): Experience => ({
    ...experience,
    seatsBooked: experience.seatsBooked + delta,
    updatedAt: now as Experience["updatedAt"],
    version: experience.version + 1,
  });

  const activeSeatsOf = (experienceId: string, ownerId: OwnerId) =>
    [...bookingsOf(experienceId).values()]
      .filter((b) => b.ownerId === ownerId && holdsSeats(b))
      .reduce((sum, b) => sum + b.seats, 0);
  // The memory outbox never fails and keeps the first message per dedupe key.
  const enqueue = (notices: readonly OutboxMessage[] | undefined) => {
    if (options.outbox !== undefined && notices !== undefined && notices.length > 0)
      void options.outbox.enqueue(notices)();
  };

  const applyBooking = (
    command: Parameters<ExperienceStore["book"]>[0],
    isOwner: boolean,
  ): E.Either<AppError, BookOutcome> => {
    const { booking, now } = command;
    const experience = experiences.get(booking.experienceId);
    if (experience === undefined) return notFound(booking.experienceId);
    const existing = bookingsOf(experience.id).get(booking.id);
    if (existing !== undefined)
      return E.right({ kind: "replayed", experience: copy(experience), booking: copy(existing) });
    if (now >= experience.startsAt)
      return E.left(
        domainError("EXPERIENCE.CLOSED", "the experience has already started", {
          experienceId: experience.id,
        }),
      );
    if (experience.seatsBooked + booking.seats > experience.capacity)
      return E.left(
        domainError("EXPERIENCE.FULL", "not enough seats are left", {
          experienceId: experience.id,
        }),
      );
    const held = activeSeatsOf(experience.id, booking.ownerId);
    if (held + booking.seats > command.seatLimitPerOwner)
      return E.left(
        domainError(
          "EXPERIENCE.OWNER_LIMIT",
          `an owner may book at most ${command.seatLimitPerOwner} seats of this experience`,
          {
            experienceId: experience.id,
            limit: command.seatLimitPerOwner,
            booked: held,
            requested: booking.seats,
          },
        ),
      );
    if (!isOwner)
      return E.left(
        domainError("EXPERIENCE.NOT_OWNER", "only owners of the plan may book", {
          experienceId: experience.id,
        }),
      );
    const updated = withSeats(experience, booking.seats, now);
    experiences.set(updated.id, updated);
    bookingsOf(updated.id).set(booking.id, copy(booking));
    enqueue(command.notices);
    return E.right({ kind: "booked", experience: copy(updated), booking: copy(booking) });
  };

  /**
   * A paid booking's refund intent, written beside the booking's change into the reservation
   * database's intents (where the RefundIntentStore reads them): checked first, then applied.
   */
  const prepareRefundIntent = (
    intent: RefundIntent | undefined,
  ): E.Either<AppError, () => void> => {
    if (intent === undefined) return E.right(() => undefined);
    const intents = options.reservationDb?.refundIntents;
    if (intents === undefined)
      return E.left(
        appError("STORE.UNAVAILABLE", "no refund intent store beside this experience store"),
      );
    if (intents.has(intent.id)) return E.left(storeErrors.duplicate("refund intent", intent.id));
    return E.right(() => {
      intents.set(intent.id, copy(intent));
    });
  };

  /** Releases of an ownership cancel: checked with the ownership store's checks, applied with them. */
  const releaser: BookingReleaser = (command, remainingPaidShares) => {
    const releases = command.bookingReleases?.releases ?? [];
    const conflict = (bookingId: string) =>
      E.left(
        appError("STORE.VERSION_CONFLICT", "the owner's bookings changed since they were read", {
          bookingId,
        }),
      );
    for (const { booking, expectedVersion } of releases) {
      const stored = bookingsOf(booking.experienceId).get(booking.id);
      if (stored === undefined || stored.version !== expectedVersion || !holdsSeats(stored))
        return conflict(booking.id);
    }
    if (remainingPaidShares <= 0) {
      const { planId, ownerId } = command.ownership;
      const released = new Set(releases.map((r) => r.booking.id));
      for (const experience of experiences.values()) {
        if (experience.planId !== planId) continue;
        for (const stored of bookingsOf(experience.id).values())
          if (stored.ownerId === ownerId && holdsSeats(stored) && !released.has(stored.id))
            return conflict(stored.id);
      }
    }
    return E.right(() => {
      for (const { booking } of releases) {
        const experience = experiences.get(booking.experienceId);
        if (experience !== undefined)
          experiences.set(
            experience.id,
            withSeats(experience, -booking.seats, booking.cancelledAt ?? experience.updatedAt),
          );
        bookingsOf(booking.experienceId).set(booking.id, copy(booking));
      }
      enqueue(command.bookingReleases?.notices);
    });
  };
  if (options.reservationDb !== undefined) registerBookingReleaser(options.reservationDb, releaser);

  return {
    create: (experience) =>
      deferred(() => {
        if (experiences.has(experience.id))
          return E.left(
            appError("STORE.DUPLICATE", "an experience with this id exists", {
              experienceId: experience.id,
            }),
          );
        experiences.set(experience.id, copy(experience));
        return E.right(copy(experience));
      }),
    update: (experience, expectedVersion) =>
      deferred(() => {
        const stored = experiences.get(experience.id);
        if (stored === undefined) return notFound(experience.id);
        if (stored.version !== expectedVersion || stored.seatsBooked > experience.capacity)
          return E.left(
            appError("STORE.VERSION_CONFLICT", "the experience changed since it was read", {
              experienceId: experience.id,
              expectedVersion,
            }),
          );
        const { location: _old, priceYenPerSeat: _oldPrice, ...kept } = stored;
        const next: Experience = {
          ...kept,
          title: experience.title,
          startsAt: experience.startsAt,
          capacity: experience.capacity,
          ...(experience.location === undefined ? {} : { location: experience.location }),
          ...(experience.priceYenPerSeat === undefined
            ? {}
            : { priceYenPerSeat: experience.priceYenPerSeat }),
          updatedAt: experience.updatedAt,
          version: expectedVersion + 1,
        };
        experiences.set(next.id, next);
        return E.right(copy(next));
      }),
    get: (id) => deferredValue(() => O.map(copy<Experience>)(O.fromNullable(experiences.get(id)))),
    getMany: (ids) =>
      deferredValue(() =>
        [...new Set(ids)].flatMap((id) => {
          const found = experiences.get(id);
          return found === undefined ? [] : [copy(found)];
        }),
      ),
    listByPlan: (planId, page) =>
      deferred(() =>
        paginate(
          [...experiences.values()]
            .filter((e) => e.planId === planId)
            .sort(byString(experienceKey))
            .map(copy),
          experienceKey,
          page,
          cursors,
          `experiences:${planId}`,
        ),
      ),
    book: (command) =>
      pipe(
        options.isActiveOwner(command.planId, command.booking.ownerId),
        // The ownership answer is awaited first; seats are then checked and taken in one step.
        TE.chain((isOwner) => deferred(() => applyBooking(command, isOwner))),
      ),
    cancel: ({ booking, expectedVersion, now, notices, refundIntent }) =>
      deferred(() => {
        const experience = experiences.get(booking.experienceId);
        if (experience === undefined) return notFound(booking.experienceId);
        const stored = bookingsOf(experience.id).get(booking.id);
        if (stored === undefined)
          return E.left(
            appError("BOOKING.NOT_FOUND", "no such booking", { bookingId: booking.id }),
          );
        if (stored.version !== expectedVersion || !holdsSeats(stored))
          return versionConflict(booking.id, expectedVersion);
        const addIntent = prepareRefundIntent(refundIntent);
        if (E.isLeft(addIntent)) return addIntent;
        const updated = withSeats(experience, -stored.seats, now);
        experiences.set(updated.id, updated);
        bookingsOf(updated.id).set(booking.id, copy(booking));
        addIntent.right();
        enqueue(notices);
        return E.right({ experience: copy(updated), booking: copy(booking) });
      }),
    confirm: ({ booking, expectedVersion, notices }) =>
      deferred(() => {
        const stored = bookingsOf(booking.experienceId).get(booking.id);
        if (stored === undefined)
          return E.left(
            appError("BOOKING.NOT_FOUND", "no such booking", { bookingId: booking.id }),
          );
        if (stored.version !== expectedVersion || stored.status !== "pending_payment")
          return versionConflict(booking.id, expectedVersion);
        bookingsOf(booking.experienceId).set(booking.id, copy(booking));
        enqueue(notices);
        return E.right(copy(booking));
      }),
    amendBooking: (booking, expectedVersion, refundIntent) =>
      deferred(() => {
        const stored = bookingsOf(booking.experienceId).get(booking.id);
        if (stored === undefined)
          return E.left(
            appError("BOOKING.NOT_FOUND", "no such booking", { bookingId: booking.id }),
          );
        if (
          stored.version !== expectedVersion ||
          stored.status !== booking.status ||
          stored.seats !== booking.seats
        )
          return versionConflict(booking.id, expectedVersion);
        const addIntent = prepareRefundIntent(refundIntent);
        if (E.isLeft(addIntent)) return addIntent;
        bookingsOf(booking.experienceId).set(booking.id, copy(booking));
        addIntent.right();
        return E.right(copy(booking));
      }),
    listExpiredHolds: (now, limit) =>
      deferredValue(() =>
        [...bookings.values()]
          .flatMap((m) => [...m.values()])
          .filter(
            (b) =>
              b.status === "pending_payment" &&
              b.holdExpiresAt !== undefined &&
              b.holdExpiresAt <= now,
          )
          .sort(byString((b) => `${b.holdExpiresAt}#${b.experienceId}#${b.id}`))
          .slice(0, limit)
          .map(copy),
      ),
    ownerSeats: (experienceId, ownerId) =>
      deferredValue(() => activeSeatsOf(experienceId, ownerId)),
    findBookingByPaymentIntent: (paymentIntentId) =>
      deferredValue(() =>
        O.map(copy<ExperienceBooking>)(
          O.fromNullable(
            [...bookings.values()]
              .flatMap((m) => [...m.values()])
              .find((b) => b.payment?.paymentIntentId === paymentIntentId),
          ),
        ),
      ),
    getBooking: (experienceId, bookingId) =>
      deferredValue(() =>
        O.map(copy<ExperienceBooking>)(O.fromNullable(bookingsOf(experienceId).get(bookingId))),
      ),
    listBookings: (experienceId, page) =>
      deferred(() =>
        paginate(
          [...bookingsOf(experienceId).values()].sort(byString((b) => b.id)).map(copy),
          (b) => b.id,
          page,
          cursors,
          `bookings:${experienceId}`,
        ),
      ),
    listBookingsByOwner: (ownerId, page) =>
      deferred(() =>
        paginate(
          [...bookings.values()]
            .flatMap((m) => [...m.values()])
            .filter((b) => b.ownerId === ownerId)
            .sort(byString(ownerBookingKey, true))
            .map(copy),
          ownerBookingKey,
          page,
          cursors,
          `bookings:owner:${ownerId}`,
          true,
        ),
      ),
  };
};
