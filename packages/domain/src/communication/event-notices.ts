import type { Yen } from "../money/money.ts";
import type { OfferId, OwnerId, OwnershipId, PlanId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import { type OutboxMessage, outboxMessage } from "./outbox.ts";

/**
 * The owner-facing notices of a reservation's payment and of a lapsed waitlist offer. Each carries
 * its template data in `params` (see templates/<kind>.ts); subject and body stay plain English for
 * the audit and as the fallback. The dedupe key names the event, so a repeat is dropped.
 */
interface Envelope {
  readonly id: string;
  readonly recipientId: OwnerId;
  readonly at: Instant;
  readonly plan: { readonly id: PlanId; readonly title: string };
}

/** Adds template data to a message built by an older constructor (its text stays as it is). */
export const withParams = (
  message: OutboxMessage,
  params: NonNullable<OutboxMessage["params"]>,
): OutboxMessage => ({ ...message, params: { ...message.params, ...params } });

/** An unpaid reservation's hold: what both payment reminders say it is. */
type HoldNotice = Envelope & {
  readonly ownershipId: OwnershipId;
  readonly shares: number;
  readonly amountYen: Yen;
  readonly holdExpiresAt: Instant;
};

/** One message about a hold; one per (kind, ownership), so a retry never sends it twice. */
const holdMessage = (
  kind: "payment-pending" | "payment-expiring",
  input: HoldNotice,
  text: { readonly subject: string; readonly body: string },
): OutboxMessage =>
  outboxMessage({
    id: input.id,
    recipientId: input.recipientId,
    kind,
    ...text,
    params: {
      planId: input.plan.id,
      planTitle: input.plan.title,
      ownershipId: input.ownershipId,
      shares: input.shares,
      amountYen: input.amountYen,
      holdExpiresAt: input.holdExpiresAt,
    },
    at: input.at,
    dedupeKey: [kind, input.ownershipId].join("#"),
  });

/** The reservation holds shares until the payment comes through (or the hold ends). */
export const paymentPendingMessage = (input: HoldNotice): OutboxMessage =>
  holdMessage("payment-pending", input, {
    subject: `Complete your payment for ${input.plan.title}`,
    body: `${input.shares} share(s) of "${input.plan.title}" are held for you until ${input.holdExpiresAt}. Pay ¥${input.amountYen} before then to own them.`,
  });

/** The hold of an unpaid reservation ends soon. */
export const paymentExpiringMessage = (input: HoldNotice): OutboxMessage =>
  holdMessage("payment-expiring", input, {
    subject: `Your hold on ${input.plan.title} ends soon`,
    body: `Your ${input.shares} share(s) of "${input.plan.title}" are held until ${input.holdExpiresAt}. Pay ¥${input.amountYen} before then or they go back on sale.`,
  });

/** The payment failed or its hold ran out: the shares went back, nothing was charged. */
export const paymentFailedMessage = (
  input: Envelope & {
    readonly ownershipId: OwnershipId;
    readonly shares: number;
    /** "failed": the processor refused it; "expired": nobody paid before the hold ended. */
    readonly reason: "failed" | "expired";
  },
): OutboxMessage =>
  outboxMessage({
    id: input.id,
    recipientId: input.recipientId,
    kind: "payment-failed",
    subject: `Your reservation of ${input.plan.title} was not completed`,
    body: `The payment for ${input.shares} share(s) of "${input.plan.title}" ${input.reason === "expired" ? "was not made in time" : "did not go through"}. The shares were released and nothing was charged.`,
    params: {
      planId: input.plan.id,
      planTitle: input.plan.title,
      ownershipId: input.ownershipId,
      shares: input.shares,
      reason: input.reason,
    },
    at: input.at,
    dedupeKey: ["payment-failed", input.ownershipId].join("#"),
  });

/** A waitlist offer ran out unaccepted: its shares went to the next in line. */
export const waitlistOfferExpiredMessage = (
  input: Envelope & { readonly offerId: OfferId; readonly shares: number },
): OutboxMessage =>
  outboxMessage({
    id: input.id,
    recipientId: input.recipientId,
    kind: "waitlist-offer-expired",
    subject: `Your offer for ${input.plan.title} has expired`,
    body: `The ${input.shares} share(s) of "${input.plan.title}" held for you were not taken in time and have been offered on.`,
    params: {
      planId: input.plan.id,
      planTitle: input.plan.title,
      offerId: input.offerId,
      shares: input.shares,
    },
    at: input.at,
    dedupeKey: ["waitlist-offer-expired", input.offerId].join("#"),
  });

/**
 * The harvest is final and its shortfall settled: the owner's statement of what it received and
 * what the risk terms gave back (card refund, store credit), summed over its ownerships.
 */
export const allocationStatementMessage = (
  input: Envelope & {
    readonly unitLabel: string;
    readonly standardUnits: number;
    readonly offspecUnits: number;
    readonly missingUnits: number;
    readonly refundYen: number;
    readonly creditYen: number;
  },
): OutboxMessage =>
  outboxMessage({
    id: input.id,
    recipientId: input.recipientId,
    kind: "allocation-statement",
    subject: `Your harvest statement for ${input.plan.title}`,
    body: `This season of "${input.plan.title}" gave you ${input.standardUnits} ${input.unitLabel} (plus ${input.offspecUnits} off-spec); ${input.missingUnits} short of your share. Refunded: ¥${input.refundYen}. Store credit: ¥${input.creditYen}.`,
    params: {
      planId: input.plan.id,
      planTitle: input.plan.title,
      unitLabel: input.unitLabel,
      standardUnits: input.standardUnits,
      offspecUnits: input.offspecUnits,
      missingUnits: input.missingUnits,
      refundYen: input.refundYen,
      creditYen: input.creditYen,
    },
    at: input.at,
    dedupeKey: ["allocation-statement", input.plan.id, input.recipientId].join("#"),
  });
