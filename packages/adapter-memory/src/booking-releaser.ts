import type { AppError, CancelCommand } from "@owners/app";
import type * as E from "fp-ts/lib/Either.js";
import type { ReservationDb } from "./reservation-db.ts";

/**
 * Checks an ownership cancel's booking releases against the stored bookings and returns the step
 * that applies them: the ownership store runs the check with its own and applies all together,
 * as DynamoDB's one transaction does. `remainingPaidShares` is what the owner keeps of the plan.
 */
export type BookingReleaser = (
  command: CancelCommand,
  remainingPaidShares: number,
) => E.Either<AppError, () => void>;

// Beside the database rather than in it: the experience store registers itself when built.
const releasers = new WeakMap<ReservationDb, BookingReleaser>();

export const registerBookingReleaser = (db: ReservationDb, releaser: BookingReleaser): void => {
  releasers.set(db, releaser);
};

export const bookingReleaserOf = (db: ReservationDb): BookingReleaser | undefined =>
  releasers.get(db);
