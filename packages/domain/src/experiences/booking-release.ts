import type { Instant } from "../shared/time.ts";
import { type ExperienceBooking, holdsSeats } from "./experience.ts";

/** A booking cancelled because its owner no longer owns the plan, with the version it was read at. */
export interface BookingRelease {
  readonly booking: ExperienceBooking;
  readonly expectedVersion: number;
}

/**
 * The owner's bookings that go with its last paid ownership of a plan: every one holding seats
 * (paid, or waiting for its payment) becomes cancelled (already cancelled ones are left alone). Seats are only for owners, so none is kept.
 */
export const releaseBookings = (
  bookings: readonly ExperienceBooking[],
  now: Instant,
): BookingRelease[] =>
  bookings.filter(holdsSeats).map((booking) => ({
    booking: { ...booking, status: "cancelled", cancelledAt: now, version: booking.version + 1 },
    expectedVersion: booking.version,
  }));

/** Seats a set of releases gives back, per experience (one counter write per experience). */
export const seatsFreedByExperience = (
  releases: readonly BookingRelease[],
): ReadonlyMap<string, number> => {
  const freed = new Map<string, number>();
  for (const { booking } of releases)
    freed.set(booking.experienceId, (freed.get(booking.experienceId) ?? 0) + booking.seats);
  return freed;
};
