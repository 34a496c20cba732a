import type { Yen } from "../money/money.ts";
import type {
  BookingId,
  LotId,
  OfferId,
  OwnerId,
  OwnershipId,
  PlanId,
  ProducerId,
  ShipmentId,
} from "../shared/ids.ts";
import type { Instant, LocalDate } from "../shared/time.ts";
import type { PlanUpdate } from "./communication.ts";

/**
 * Notifications are written to an outbox in the same transaction as the change that causes
 * them, and a batch flushes them through the Notifier. The dedupe key names the event and
 * the recipient, so a retried batch or use case that writes the same message again is
 * recognised and nothing is sent twice. Message ids come from the caller's IdGenerator.
 */
export type NotificationKind =
  | "plan-published-to-returning-owners"
  | "reservation-confirmed"
  | "waitlist-offer-made"
  | "allocation-ready"
  | "shipment-scheduled"
  | "update-posted"
  | "sales-closed"
  | "sales-closed-producer"
  | "plan-cancelled"
  | "shipping-infeasible"
  // An owner's units of a lot cannot ship: it has no address to ship them to.
  | "shipping-address-needed"
  | "payment-disputed"
  | "comment-hidden"
  // The applicant hears of the decision on its producer application.
  | "producer-application-approved"
  | "producer-application-rejected"
  | "followed-producer-published"
  | "parcel-shipped"
  | "parcel-delivered"
  // The producer posted the season report of a completed plan (lane season).
  | "season-report-posted"
  // Lane "events": payment state of a reservation, and a waitlist offer that lapsed.
  | "payment-pending"
  | "payment-expiring"
  | "payment-failed"
  | "waitlist-offer-expired"
  | "allocation-statement"
  // Lane "experiences": a booking made or cancelled, and the reminder the day before.
  | "experience-booked"
  | "experience-cancelled"
  | "experience-reminder";

/** Who a notification goes to: owners mostly, the producer for news about its own plan. */
export type RecipientId = OwnerId | ProducerId | typeof ADMINS_RECIPIENT | typeof FAN_OUT_RECIPIENT;

/**
 * The platform's administrators as one recipient (what needs an operator: a disputed payment).
 * The notifier delivers it to the operators' address.
 */
export const ADMINS_RECIPIENT = "admins" as const;

/**
 * Not a person: a fan-out trigger, written atomically with a change that concerns too many people
 * for one transaction (every owner of a plan, every follower). The flush never sends it; the
 * notification batch expands it into one message per recipient (each deduplicated), then settles
 * it. See packages/app/src/communication/fan-out-notices.ts.
 */
export const FAN_OUT_RECIPIENT = "fan-out" as const;

export interface OutboxMessage {
  readonly id: string;
  readonly recipientId: RecipientId;
  readonly kind: NotificationKind;
  readonly subject: string;
  readonly body: string;
  readonly params?: Readonly<Record<string, string | number>>;
  /** When the event happened (the message is due from then on). */
  readonly at: Instant;
  /** Same event, same recipient => same key: the outbox keeps the first and drops repeats. */
  readonly dedupeKey: string;
}

export const outboxMessage = (fields: OutboxMessage): OutboxMessage => ({ ...fields });

const dedupeKey = (kind: NotificationKind, ...parts: readonly string[]) =>
  [kind, ...parts].join("#");

interface Envelope<R extends RecipientId = OwnerId> {
  /** This message's id, from the IdGenerator. */
  readonly id: string;
  readonly recipientId: R;
  readonly at: Instant;
}

interface PlanRef {
  readonly id: PlanId;
  readonly title: string;
}

/** Template data every plan message carries: its title and the site path of its page. */
const planParams = (plan: PlanRef) => ({ planTitle: plan.title, planUrl: `/plans/${plan.id}` });

/** A producer's new plan opens early to the owners of its earlier plans. */
export const planPublishedToReturningOwnersMessage = (
  input: Envelope & { readonly plan: PlanRef; readonly opensToYouAt: Instant },
): OutboxMessage =>
  outboxMessage({
    id: input.id,
    recipientId: input.recipientId,
    kind: "plan-published-to-returning-owners",
    subject: `New from a producer you own with: ${input.plan.title}`,
    body: `As a returning owner you can reserve "${input.plan.title}" from ${input.opensToYouAt}, before it opens to everyone.`,
    params: { ...planParams(input.plan), opensToYouAt: input.opensToYouAt },
    at: input.at,
    dedupeKey: dedupeKey("plan-published-to-returning-owners", input.plan.id, input.recipientId),
  });

/** A reservation went through and was charged. */
export const reservationConfirmedMessage = (
  input: Envelope & {
    readonly plan: PlanRef;
    readonly ownershipId: OwnershipId;
    readonly shares: number;
    readonly totalYen: Yen;
  },
): OutboxMessage =>
  outboxMessage({
    id: input.id,
    recipientId: input.recipientId,
    kind: "reservation-confirmed",
    subject: `You own ${input.shares} share(s) of ${input.plan.title}`,
    body: `Your reservation of ${input.shares} share(s) of "${input.plan.title}" is confirmed. Charged: ¥${input.totalYen}.`,
    params: { ...planParams(input.plan), shares: input.shares, totalYen: input.totalYen },
    at: input.at,
    dedupeKey: dedupeKey("reservation-confirmed", input.ownershipId),
  });

/** Freed shares are offered to the next person on the waitlist, until the offer expires. */
export const waitlistOfferMadeMessage = (
  input: Envelope & {
    readonly plan: PlanRef;
    readonly offerId: OfferId;
    readonly shares: number;
    readonly expiresAt: Instant;
  },
): OutboxMessage =>
  outboxMessage({
    id: input.id,
    recipientId: input.recipientId,
    kind: "waitlist-offer-made",
    subject: `Shares of ${input.plan.title} are available for you`,
    body: `${input.shares} share(s) of "${input.plan.title}" are held for you until ${input.expiresAt}.`,
    params: { ...planParams(input.plan), shares: input.shares, expiresAt: input.expiresAt },
    at: input.at,
    dedupeKey: dedupeKey("waitlist-offer-made", input.offerId),
  });

/** A harvest lot was divided and this owner's part is known. */
export const allocationReadyMessage = (
  input: Envelope & {
    readonly plan: PlanRef;
    readonly lotId: LotId;
    readonly ownershipId: OwnershipId;
    readonly units: number;
    readonly unitLabel: string;
  },
): OutboxMessage =>
  outboxMessage({
    id: input.id,
    recipientId: input.recipientId,
    kind: "allocation-ready",
    subject: `Your harvest from ${input.plan.title} is ready`,
    body: `${input.units} ${input.unitLabel} from this harvest of "${input.plan.title}" are yours.`,
    params: { ...planParams(input.plan), units: input.units, unitLabel: input.unitLabel },
    at: input.at,
    dedupeKey: dedupeKey("allocation-ready", input.lotId, input.ownershipId),
  });

/** A shipment got its ship day. */
export const shipmentScheduledMessage = (
  input: Envelope & {
    readonly plan: PlanRef;
    readonly shipmentId: ShipmentId;
    readonly shipOn: LocalDate;
    readonly arriveBy: LocalDate;
    readonly boxes: number;
  },
): OutboxMessage =>
  outboxMessage({
    id: input.id,
    recipientId: input.recipientId,
    kind: "shipment-scheduled",
    subject: `${input.plan.title} ships on ${input.shipOn}`,
    body: `${input.boxes} box(es) of "${input.plan.title}" ship on ${input.shipOn} and should arrive by ${input.arriveBy}.`,
    params: {
      ...planParams(input.plan),
      shipOn: input.shipOn,
      arriveBy: input.arriveBy,
      boxes: input.boxes,
    },
    at: input.at,
    dedupeKey: dedupeKey("shipment-scheduled", input.shipmentId),
  });

/** The producer posted news; sent to each owner (who may see any update of the plan). */
export const updatePostedMessage = (
  input: Envelope & { readonly plan: PlanRef; readonly update: Pick<PlanUpdate, "id" | "body"> },
): OutboxMessage =>
  outboxMessage({
    id: input.id,
    recipientId: input.recipientId,
    kind: "update-posted",
    subject: `News from ${input.plan.title}`,
    body: excerpt(input.update.body),
    params: { ...planParams(input.plan), excerpt: excerpt(input.update.body) },
    at: input.at,
    dedupeKey: dedupeKey("update-posted", input.update.id, input.recipientId),
  });

/** Sales ended: the owner's shares are final and the season's harvest is what comes next. */
export const salesClosedMessage = (
  input: Envelope & {
    readonly plan: PlanRef & { readonly deliveryFrom: LocalDate; readonly deliveryTo: LocalDate };
    readonly shares: number;
  },
): OutboxMessage =>
  outboxMessage({
    id: input.id,
    recipientId: input.recipientId,
    kind: "sales-closed",
    subject: `Sales of ${input.plan.title} have closed`,
    body: `You own ${input.shares} share(s) of "${input.plan.title}". The harvest is expected between ${input.plan.deliveryFrom} and ${input.plan.deliveryTo}; you will hear from the producer as the season goes.`,
    params: {
      ...planParams(input.plan),
      shares: input.shares,
      deliveryFrom: input.plan.deliveryFrom,
      deliveryTo: input.plan.deliveryTo,
    },
    at: input.at,
    dedupeKey: dedupeKey("sales-closed", input.plan.id, input.recipientId),
  });

/** Sales ended: the producer's figures for the plan at closing. */
export const salesClosedProducerMessage = (
  input: Envelope<ProducerId> & {
    readonly plan: PlanRef;
    readonly sharesSold: number;
    readonly totalShares: number;
    readonly owners: number;
  },
): OutboxMessage =>
  outboxMessage({
    id: input.id,
    recipientId: input.recipientId,
    kind: "sales-closed-producer",
    subject: `Sales of ${input.plan.title} have closed: ${input.sharesSold} of ${input.totalShares} shares sold`,
    body: `"${input.plan.title}" closed with ${input.sharesSold} of ${input.totalShares} shares sold to ${input.owners} owner(s). Record harvest lots as they come in; allocation runs after each one.`,
    params: {
      planTitle: input.plan.title,
      planUrl: `/producer/plans/${input.plan.id}`,
      sharesSold: input.sharesSold,
      totalShares: input.totalShares,
      owners: input.owners,
    },
    at: input.at,
    dedupeKey: dedupeKey("sales-closed-producer", input.plan.id),
  });

/** The producer (or an admin) cancelled the plan: the owner hears why, and that it is refunded. */
export const planCancelledMessage = (
  input: Envelope & { readonly plan: PlanRef; readonly reason: string },
): OutboxMessage =>
  outboxMessage({
    id: input.id,
    recipientId: input.recipientId,
    kind: "plan-cancelled",
    subject: `${input.plan.title} has been cancelled`,
    body: `"${input.plan.title}" has been cancelled. Reason given: ${input.reason}\nEvery share you own in it is refunded in full.`,
    params: { ...planParams(input.plan), reason: input.reason },
    at: input.at,
    dedupeKey: dedupeKey("plan-cancelled", input.plan.id, input.recipientId),
  });

/** Some parcels of a lot could not be given a ship day in time: the producer must act. */
export const shippingInfeasibleMessage = (
  input: Envelope<ProducerId> & {
    readonly plan: PlanRef;
    readonly lotId: LotId;
    readonly unshippableShipments: number;
    readonly reason: string;
  },
): OutboxMessage =>
  outboxMessage({
    id: input.id,
    recipientId: input.recipientId,
    kind: "shipping-infeasible",
    subject: `Action needed: ${input.unshippableShipments} shipment(s) of ${input.plan.title} cannot fully ship in time`,
    body: `${input.unshippableShipments} shipment(s) from lot ${input.lotId} of "${input.plan.title}" cannot all ship before best-before (reasons: ${input.reason}). Check your daily shipping capacity and the delivery window, or contact the owners.`,
    params: {
      planTitle: input.plan.title,
      planUrl: `/producer/plans/${input.plan.id}`,
      lotId: input.lotId,
      unshippableShipments: input.unshippableShipments,
      reason: input.reason,
    },
    at: input.at,
    dedupeKey: dedupeKey("shipping-infeasible", input.plan.id, input.lotId),
  });

/**
 * An owner's units of a plan could not be given a ship day: it has no address. Once it adds one,
 * the shipping batch schedules them while the lot can still ship. Once per plan and owner.
 */
export const shippingAddressNeededMessage = (
  input: Envelope & {
    readonly plan: PlanRef & { readonly lastShipDay: LocalDate };
    readonly units: number;
    readonly unitLabel: string;
  },
): OutboxMessage =>
  outboxMessage({
    id: input.id,
    recipientId: input.recipientId,
    kind: "shipping-address-needed",
    subject: `Add an address to receive ${input.plan.title}`,
    body: `${input.units} ${input.unitLabel} of "${input.plan.title}" are ready to ship, but you have no delivery address. Add one by ${input.plan.lastShipDay} and they will be scheduled.`,
    params: {
      ...planParams(input.plan),
      units: input.units,
      unitLabel: input.unitLabel,
      lastShipDay: input.plan.lastShipDay,
    },
    at: input.at,
    dedupeKey: dedupeKey("shipping-address-needed", input.plan.id, input.recipientId),
  });

/** Notifications carry a teaser, not the whole update: the rest is read on the plan page. */
export const NOTIFICATION_EXCERPT_CHARS = 200;
const excerpt = (body: string): string => {
  const chars = [...body.trim()];
  return chars.length <= NOTIFICATION_EXCERPT_CHARS
    ? chars.join("")
    : `${chars.slice(0, NOTIFICATION_EXCERPT_CHARS).join("")}…`;
};

/**
 * An owner disputed a payment (a chargeback) of an ownership, or of an experience booking's seats:
 * the producer and the administrators are told.
 */
export const paymentDisputedMessage = (
  input: Envelope<RecipientId> & {
    readonly plan: PlanRef;
    readonly disputeId: string;
    readonly amountYen: Yen;
    readonly reason: string;
  } & (
      | { readonly ownershipId: OwnershipId; readonly booking?: undefined }
      | {
          readonly booking: { readonly id: BookingId; readonly experienceTitle: string };
          readonly ownershipId?: undefined;
        }
    ),
): OutboxMessage =>
  outboxMessage({
    id: input.id,
    recipientId: input.recipientId,
    kind: "payment-disputed",
    subject: `A payment for ${input.plan.title} is disputed`,
    body:
      input.booking === undefined
        ? `The payment of ¥${input.amountYen} for ownership ${input.ownershipId} of "${input.plan.title}" is disputed at the card issuer (reason: ${input.reason}). The ownership is flagged until the dispute is settled.`
        : `The payment of ¥${input.amountYen} for booking ${input.booking.id} of "${input.booking.experienceTitle}" ("${input.plan.title}") is disputed at the card issuer (reason: ${input.reason}). The booking is flagged until the dispute is settled.`,
    params: {
      planTitle: input.plan.title,
      ...(input.booking === undefined
        ? { ownershipId: input.ownershipId }
        : { bookingId: input.booking.id, experienceTitle: input.booking.experienceTitle }),
      amountYen: input.amountYen,
      reason: input.reason,
    },
    at: input.at,
    dedupeKey: dedupeKey("payment-disputed", input.disputeId, input.recipientId),
  });

/** An admin hid the author's comment: the author hears which one and why. */
export const commentHiddenMessage = (
  input: Envelope<OwnerId | ProducerId> & {
    readonly comment: { readonly id: string; readonly body: string };
    readonly reason: string;
  },
): OutboxMessage =>
  outboxMessage({
    id: input.id,
    recipientId: input.recipientId,
    kind: "comment-hidden",
    subject: "Your comment has been hidden",
    body: `Your comment "${excerpt(input.comment.body)}" was hidden by the OWNERS team. Reason: ${input.reason}`,
    params: { excerpt: excerpt(input.comment.body), reason: input.reason },
    at: input.at,
    dedupeKey: dedupeKey("comment-hidden", input.comment.id),
  });

/** A producer the owner follows opened a new plan (sent to every follower, once per plan). */
export const followedProducerPublishedMessage = (
  input: Envelope & { readonly plan: PlanRef; readonly producerName: string },
): OutboxMessage =>
  outboxMessage({
    id: input.id,
    recipientId: input.recipientId,
    kind: "followed-producer-published",
    subject: `${input.producerName} opened a new plan: ${input.plan.title}`,
    body: `${input.producerName}, whom you follow, has opened "${input.plan.title}" for owners.`,
    params: { ...planParams(input.plan), producerName: input.producerName },
    at: input.at,
    dedupeKey: dedupeKey("followed-producer-published", input.plan.id, input.recipientId),
  });

/**
 * The producer posted the season report of a plan the owner held: sent once per (plan, owner),
 * at the first publication (edits of the report tell nobody again).
 */
export const seasonReportPostedMessage = (
  input: Envelope & {
    readonly plan: PlanRef;
    readonly producerName: string;
    readonly harvestedUnits: number;
    readonly unitLabel: string;
    readonly planUrl: string;
  },
): OutboxMessage =>
  outboxMessage({
    id: input.id,
    recipientId: input.recipientId,
    kind: "season-report-posted",
    subject: `The season report of ${input.plan.title} is out`,
    body: `${input.producerName} posted the season report of "${input.plan.title}": ${input.harvestedUnits} ${input.unitLabel} harvested. Read it at ${input.planUrl}`,
    params: {
      planId: input.plan.id,
      planTitle: input.plan.title,
      producerName: input.producerName,
      harvestedUnits: input.harvestedUnits,
      unitLabel: input.unitLabel,
      planUrl: input.planUrl,
    },
    at: input.at,
    dedupeKey: dedupeKey("season-report-posted", input.plan.id, input.recipientId),
  });
