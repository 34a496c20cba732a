import type { ItemKey } from "./reservation-keys.ts";

/**
 * The keys of harvest lots, allocations, shipments, experiences, updates, the outbox and owner
 * profiles on the single table. Every string naming one of their items or index partitions is
 * built here; the README's "Harvest, shipping, experiences, communication" table lists them.
 */
export const lotKeys = {
  /** Lots, allocation marks and schedule marks of a plan share one small partition. */
  partition: (planId: string) => `LOTS#${planId}`,
  item: (planId: string, lotId: string): ItemKey => ({ PK: `LOTS#${planId}`, SK: `LOT#${lotId}` }),
  itemPrefix: "LOT#",
  allocatedMark: (planId: string, lotId: string): ItemKey => ({
    PK: `LOTS#${planId}`,
    SK: `ALLOCATED#${lotId}`,
  }),
  allocatedPrefix: "ALLOCATED#",
  scheduledMark: (planId: string, lotId: string): ItemKey => ({
    PK: `LOTS#${planId}`,
    SK: `SCHEDULED#${lotId}`,
  }),
  scheduledPrefix: "SCHEDULED#",
} as const;

export const allocationKeys = {
  /** One partition per lot: its allocations in ownership id order. */
  lotPartition: (planId: string, lotId: string) => `ALLOC#${planId}#${lotId}`,
  lotItem: (planId: string, lotId: string, ownershipId: string): ItemKey => ({
    PK: `ALLOC#${planId}#${lotId}`,
    SK: `OWNERSHIP#${ownershipId}`,
  }),
  summaryPartition: (planId: string) => `ALLOCSUM#${planId}`,
  summaryItem: (planId: string, ownershipId: string): ItemKey => ({
    PK: `ALLOCSUM#${planId}`,
    SK: `OWNERSHIP#${ownershipId}`,
  }),
  /** GSI1: one owner's summaries of one plan. */
  summariesOfOwner: (planId: string, ownerId: string) => `OWNER#${ownerId}#ALLOCSUM#${planId}`,
  ownershipSort: (ownershipId: string) => `OWNERSHIP#${ownershipId}`,
} as const;

export const shipmentKeys = {
  partition: (planId: string) => `SHIP#${planId}`,
  /** (lot, ownership) order; the same string is the sort key of both GSIs. */
  sort: (lotId: string, ownershipId: string) => `${lotId}#${ownershipId}`,
  item: (planId: string, lotId: string, ownershipId: string): ItemKey => ({
    PK: `SHIP#${planId}`,
    SK: `${lotId}#${ownershipId}`,
  }),
  /** GSI1: one owner's shipments of one plan. */
  ofOwner: (planId: string, ownerId: string) => `SHIP#${planId}#OWNER#${ownerId}`,
  /** GSI2 (sparse): the shipments with units that could not be scheduled. */
  infeasible: (planId: string) => `SHIP#${planId}#INFEASIBLE`,
  /** Boxes a lot booked per day, one item per (producer, lot). */
  capacityPartition: (producerId: string) => `SHIPCAP#${producerId}`,
  capacityItem: (producerId: string, lotId: string): ItemKey => ({
    PK: `SHIPCAP#${producerId}`,
    SK: `LOT#${lotId}`,
  }),
} as const;

export const experienceKeys = {
  item: (experienceId: string): ItemKey => ({ PK: `EXP#${experienceId}`, SK: "EXP" }),
  /** GSI1: a plan's experiences by start time. */
  ofPlan: (planId: string) => `PLAN#${planId}#EXPERIENCES`,
  startSort: (startsAt: string, experienceId: string) => `${startsAt}#${experienceId}`,
  booking: (experienceId: string, bookingId: string): ItemKey => ({
    PK: `EXP#${experienceId}`,
    SK: `BOOKING#${bookingId}`,
  }),
  bookingPrefix: "BOOKING#",
  /** GSI1: an owner's bookings, newest first. */
  bookingsOfOwner: (ownerId: string) => `OWNER#${ownerId}#BOOKINGS`,
  bookedSort: (bookedAt: string, bookingId: string) => `${bookedAt}#${bookingId}`,
  /** GSI2: the booking paid with a PaymentIntent (what a dispute names). */
  bookingsOfPaymentIntent: (paymentIntentId: string) => `PAYMENTINTENT#${paymentIntentId}#BOOKING`,
  /** One owner's active seats on the experience: the per-owner limit's counter. */
  ownerSeats: (experienceId: string, ownerId: string): ItemKey => ({
    PK: `EXP#${experienceId}`,
    SK: `OWNERSEATS#${ownerId}`,
  }),
  /**
   * Unpaid holds of paid bookings, one marker per booking in one partition sorted by hold end
   * (as holdKeys for shares): what the expiry sweep reads with one Query.
   */
  bookingHoldsPartition: "BOOKING_HOLDS",
  bookingHold: (expiresAt: string, experienceId: string, bookingId: string): ItemKey => ({
    PK: "BOOKING_HOLDS",
    SK: `${expiresAt}#${experienceId}#${bookingId}`,
  }),
} as const;

export const communicationKeys = {
  update: (updateId: string): ItemKey => ({ PK: `UPDATE#${updateId}`, SK: "UPDATE" }),
  /** GSI1: all of a plan's updates; GSI2 (sparse): the public ones. Newest first. */
  updatesOfPlan: (planId: string) => `PLAN#${planId}#UPDATES`,
  publicUpdatesOfPlan: (planId: string) => `PLAN#${planId}#UPDATES#PUBLIC`,
  postedSort: (postedAt: string, id: string) => `${postedAt}#${id}`,
  /** Keyed by its own id, so an id is unique across updates. */
  comment: (commentId: string): ItemKey => ({ PK: `COMMENT#${commentId}`, SK: "COMMENT" }),
  /** GSI3: one person's comments across updates, oldest first (what account deletion blanks). */
  commentsOfAuthor: (authorId: string) => `AUTHOR#${authorId}#COMMENTS`,
  /** GSI1: an update's comments, oldest first. */
  commentsOfUpdate: (updateId: string) => `UPDATE#${updateId}#COMMENTS`,
  /** GSI2: every comment, newest first (what admins moderate). */
  allComments: "COMMENTS",
} as const;

export const outboxKeys = {
  /** Keyed by dedupe key: a second message for the same event and recipient cannot be stored. */
  item: (dedupeKey: string): ItemKey => ({ PK: `OUTBOX#${dedupeKey}`, SK: "MSG" }),
  /** GSI1 (sparse, removed on delivery): pending messages, oldest first. */
  pending: "OUTBOX#PENDING",
  /** GSI1 (sparse, removed once expanded): pending fan-out triggers, apart from what is sent. */
  fanOutPending: "OUTBOX#FANOUT",
  pendingSort: (at: string, dedupeKey: string) => `${at}#${dedupeKey}`,
  /** GSI2: the messages addressed to one person, oldest first (same sort key as GSI1). */
  toRecipient: (recipientId: string) => `OUTBOX#TO#${recipientId}`,
} as const;

/** Tombstones of closed accounts. */
export const accountKeys = {
  closure: (personId: string): ItemKey => ({ PK: `ACCOUNT#${personId}`, SK: "CLOSED" }),
} as const;

export const profileKeys = {
  item: (ownerId: string): ItemKey => ({ PK: `PROFILE#${ownerId}`, SK: "PROFILE" }),
} as const;
