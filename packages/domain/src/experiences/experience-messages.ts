import { type OutboxMessage, outboxMessage } from "../communication/outbox.ts";
import type { BookingId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { Experience, ExperienceBooking } from "./experience.ts";

interface BookingNotice {
  /** This message's id, from the IdGenerator. */
  readonly id: string;
  readonly experience: Pick<Experience, "id" | "planId" | "title" | "startsAt" | "location">;
  readonly booking: Pick<ExperienceBooking, "id" | "ownerId" | "seats">;
  readonly at: Instant;
}

/** Why a booking ended: its owner cancelled it, or the owner's ownership of the plan went. */
export type BookingCancelledBy = "owner" | "ownership-cancelled";

/** Template data shared by the experience notices (dates as ISO strings). */
const paramsOf = (input: BookingNotice) => ({
  experienceId: input.experience.id,
  planId: input.experience.planId,
  title: input.experience.title,
  startsAt: input.experience.startsAt,
  location: input.experience.location ?? "",
  seats: input.booking.seats,
  bookingId: input.booking.id,
});

const where = (input: BookingNotice) =>
  input.experience.location === undefined ? "" : ` at ${input.experience.location}`;

/** An owner booked seats: the confirmation, written with the booking. */
export const experienceBookedMessage = (input: BookingNotice): OutboxMessage =>
  outboxMessage({
    id: input.id,
    recipientId: input.booking.ownerId,
    kind: "experience-booked",
    subject: `Booked: ${input.experience.title}`,
    body: `You booked ${input.booking.seats} seat(s) for "${input.experience.title}" on ${input.experience.startsAt}${where(input)}.`,
    params: paramsOf(input),
    at: input.at,
    dedupeKey: bookingDedupeKey("experience-booked", input.booking.id),
  });

/** A booking was cancelled, by its owner or with the ownership it depended on. */
export const experienceCancelledMessage = (
  input: BookingNotice & { readonly by: BookingCancelledBy },
): OutboxMessage =>
  outboxMessage({
    id: input.id,
    recipientId: input.booking.ownerId,
    kind: "experience-cancelled",
    subject: `Cancelled: ${input.experience.title}`,
    body:
      input.by === "owner"
        ? `Your booking of ${input.booking.seats} seat(s) for "${input.experience.title}" on ${input.experience.startsAt} is cancelled.`
        : `Your booking of ${input.booking.seats} seat(s) for "${input.experience.title}" on ${input.experience.startsAt} is cancelled because your ownership of the plan was cancelled.`,
    params: { ...paramsOf(input), by: input.by },
    at: input.at,
    dedupeKey: bookingDedupeKey("experience-cancelled", input.booking.id),
  });

/** The day before: a reminder of the time and the meeting point (once per booking). */
export const experienceReminderMessage = (input: BookingNotice): OutboxMessage =>
  outboxMessage({
    id: input.id,
    recipientId: input.booking.ownerId,
    kind: "experience-reminder",
    subject: `Tomorrow: ${input.experience.title}`,
    body: `Reminder: "${input.experience.title}" starts ${input.experience.startsAt}${where(input)}; you have ${input.booking.seats} seat(s).`,
    params: paramsOf(input),
    at: input.at,
    dedupeKey: bookingDedupeKey("experience-reminder", input.booking.id),
  });

/** One message of a kind per booking: a retried write or batch run never sends it twice. */
export const bookingDedupeKey = (
  kind: "experience-booked" | "experience-cancelled" | "experience-reminder",
  bookingId: BookingId,
): string => `${kind}#${bookingId}`;
