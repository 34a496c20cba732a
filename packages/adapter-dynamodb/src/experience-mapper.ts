import type {
  BookingId,
  Experience,
  ExperienceBooking,
  ExperienceId,
  Instant,
  OwnerId,
  PlanId,
  ProducerId,
  Yen,
} from "@owners/domain";
import { experienceKeys } from "./harvest-keys.ts";
import { defined, type Item } from "./item.ts";

/**
 * An experience item. seatsLeft (capacity - seatsBooked) is stored beside the counter because a
 * condition expression cannot subtract: "seatsLeft >= :seats" is the no-overbooking check.
 */
export const experienceToItem = (e: Experience): Item =>
  defined({
    ...experienceKeys.item(e.id),
    GSI1PK: experienceKeys.ofPlan(e.planId),
    GSI1SK: experienceKeys.startSort(e.startsAt, e.id),
    entity: "experience",
    id: e.id,
    planId: e.planId,
    producerId: e.producerId,
    title: e.title,
    startsAt: e.startsAt,
    capacity: e.capacity,
    seatsBooked: e.seatsBooked,
    seatsLeft: e.capacity - e.seatsBooked,
    location: e.location,
    priceYenPerSeat: e.priceYenPerSeat,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    version: e.version,
  });

export const experienceFromItem = (item: Item): Experience => ({
  id: item.id as ExperienceId,
  planId: item.planId as PlanId,
  producerId: item.producerId as ProducerId,
  title: item.title as string,
  startsAt: item.startsAt as Instant,
  capacity: item.capacity as number,
  seatsBooked: item.seatsBooked as number,
  ...(typeof item.location === "string" ? { location: item.location } : {}),
  ...(typeof item.priceYenPerSeat === "number"
    ? { priceYenPerSeat: item.priceYenPerSeat as Yen }
    : {}),
  createdAt: item.createdAt as Instant,
  updatedAt: item.updatedAt as Instant,
  version: item.version as number,
});

export const bookingToItem = (b: ExperienceBooking): Item =>
  defined({
    ...experienceKeys.booking(b.experienceId, b.id),
    GSI1PK: experienceKeys.bookingsOfOwner(b.ownerId),
    GSI1SK: experienceKeys.bookedSort(b.bookedAt, b.id),
    // Once paid: found by its PaymentIntent (a dispute at the processor names only that).
    ...(b.payment?.paymentIntentId === undefined
      ? {}
      : {
          GSI2PK: experienceKeys.bookingsOfPaymentIntent(b.payment.paymentIntentId),
          GSI2SK: b.id,
        }),
    entity: "experienceBooking",
    id: b.id,
    experienceId: b.experienceId,
    ownerId: b.ownerId,
    seats: b.seats,
    bookedAt: b.bookedAt,
    status: b.status,
    amountYen: b.amountYen,
    holdExpiresAt: b.holdExpiresAt,
    payment: b.payment === undefined ? undefined : defined({ ...b.payment }),
    cancelledAt: b.cancelledAt,
    version: b.version,
  });

/** The expiry sweep's marker of a booking's unpaid hold (none for a free or settled booking). */
export const bookingHoldMarker = (b: ExperienceBooking): Item | undefined =>
  b.holdExpiresAt === undefined
    ? undefined
    : {
        ...experienceKeys.bookingHold(b.holdExpiresAt, b.experienceId, b.id),
        entity: "bookingHold",
        experienceId: b.experienceId,
        bookingId: b.id,
      };

export const bookingFromItem = (item: Item): ExperienceBooking => ({
  id: item.id as BookingId,
  experienceId: item.experienceId as ExperienceId,
  ownerId: item.ownerId as OwnerId,
  seats: item.seats as number,
  bookedAt: item.bookedAt as Instant,
  status: item.status as ExperienceBooking["status"],
  ...(item.amountYen === undefined ? {} : { amountYen: item.amountYen as Yen }),
  ...(item.holdExpiresAt === undefined ? {} : { holdExpiresAt: item.holdExpiresAt as Instant }),
  ...(item.payment === undefined
    ? {}
    : { payment: item.payment as NonNullable<ExperienceBooking["payment"]> }),
  ...(item.cancelledAt === undefined ? {} : { cancelledAt: item.cancelledAt as Instant }),
  version: item.version as number,
});
