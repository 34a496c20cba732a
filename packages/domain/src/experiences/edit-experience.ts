import * as E from "fp-ts/lib/Either.js";
import type { Yen } from "../money/money.ts";
import { type DomainError, fail } from "../shared/errors.ts";
import type { ProducerId } from "../shared/ids.ts";
import { type Instant, parseInstant } from "../shared/time.ts";
import {
  EXPERIENCE_CAPACITY_MAX,
  EXPERIENCE_LOCATION_MAX,
  EXPERIENCE_TITLE_MAX,
  type Experience,
  seatPriceProblem,
} from "./experience.ts";

/** What a producer may change of an experience; a blank location removes it. */
export interface ExperiencePatch {
  readonly title?: string | undefined;
  readonly startsAt?: string | undefined;
  readonly capacity?: number | undefined;
  readonly location?: string | undefined;
  /** A new seat price for bookings from now on (0: free); booked seats keep what they cost. */
  readonly priceYenPerSeat?: number | undefined;
}

/**
 * Its producer edits an experience before it starts: the start stays in the future and the
 * capacity never drops below the seats already booked (nobody loses a seat by an edit).
 */
export const editExperience = (
  experience: Experience,
  actorProducerId: ProducerId,
  patch: ExperiencePatch,
  now: Instant,
): E.Either<
  DomainError<"EXPERIENCE.INVALID" | "EXPERIENCE.CLOSED" | "PLAN.NOT_PRODUCER">,
  Experience
> => {
  if (experience.producerId !== actorProducerId)
    return fail("PLAN.NOT_PRODUCER", "only the plan's producer may edit its experiences", {
      experienceId: experience.id,
    });
  if (now >= experience.startsAt)
    return fail("EXPERIENCE.CLOSED", "the experience has already started", {
      experienceId: experience.id,
    });
  const fields: { field: string; message: string }[] = [];
  const title = patch.title === undefined ? experience.title : patch.title.trim();
  if (title.length === 0 || title.length > EXPERIENCE_TITLE_MAX)
    fields.push({ field: "title", message: `must be 1 to ${EXPERIENCE_TITLE_MAX} characters` });
  const startsAt =
    patch.startsAt === undefined ? experience.startsAt : parseInstant(patch.startsAt);
  if (startsAt === undefined)
    fields.push({ field: "startsAt", message: "must be an ISO 8601 date-time" });
  else if (startsAt <= now) fields.push({ field: "startsAt", message: "must be in the future" });
  const capacity = patch.capacity ?? experience.capacity;
  if (!Number.isSafeInteger(capacity) || capacity < 1 || capacity > EXPERIENCE_CAPACITY_MAX)
    fields.push({
      field: "capacity",
      message: `must be a whole number from 1 to ${EXPERIENCE_CAPACITY_MAX}`,
    });
  else if (capacity < experience.seatsBooked)
    fields.push({
      field: "capacity",
      message: `must be at least the ${experience.seatsBooked} seats already booked`,
    });
  const location = patch.location === undefined ? experience.location : patch.location.trim();
  if (location !== undefined && location.length > EXPERIENCE_LOCATION_MAX)
    fields.push({
      field: "location",
      message: `must be at most ${EXPERIENCE_LOCATION_MAX} characters`,
    });
  const price = patch.priceYenPerSeat ?? experience.priceYenPerSeat ?? 0;
  const priceProblem = seatPriceProblem(price);
  if (priceProblem !== undefined) fields.push({ field: "priceYenPerSeat", message: priceProblem });
  if (fields.length > 0) return fail("EXPERIENCE.INVALID", "the experience is invalid", { fields });
  const { location: _old, priceYenPerSeat: _oldPrice, ...rest } = experience;
  return E.right({
    ...rest,
    title,
    startsAt: startsAt as Instant,
    capacity,
    ...(location === undefined || location === "" ? {} : { location }),
    ...(price > 0 ? { priceYenPerSeat: price as Yen } : {}),
    updatedAt: now,
    version: experience.version + 1,
  });
};
