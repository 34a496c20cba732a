import type { TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import {
  type AmendOwnershipCommand,
  type CancelCommand,
  type ConfirmPaymentCommand,
  type ReserveCommand,
  type WaitlistChange,
  waitlistDiff,
} from "@owners/app";
import type {
  AuditEntry,
  Instant,
  LedgerEntry,
  OfferId,
  OutboxMessage,
  OwnerId,
  Ownership,
  PlanId,
} from "@owners/domain";
import { bookingReleaseItems, releasedSeats } from "./booking-release-items.ts";
import { creditSpendItem } from "./credit-items.ts";
import { defined } from "./item.ts";
import { auditEntryToItem, ledgerEntryToItem } from "./ledger-mapper.ts";
import { appendNotices } from "./outbox-notices.ts";
import { disputeMarkerToItem, ownershipToItem } from "./ownership-mapper.ts";
import { refundIntentToItem } from "./refund-intent-mapper.ts";
import {
  holdKeys,
  ownershipKeys,
  paymentIntentKeys,
  planKeys,
  waitlistKeys,
} from "./reservation-keys.ts";
import { waitlistEntryToItem, waitlistOfferToItem } from "./waitlist-mapper.ts";

/** DynamoDB's limit on the items of one transaction. */
export const MAX_TRANSACTION_ITEMS = 100;

export type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/** Where the items whose failures mean something sit in a transaction (indexes into TransactItems). */
export interface TransactionLayout {
  readonly items: TransactItem[];
  readonly plan?: number;
  readonly ownership?: number;
  readonly ownerShares?: number;
  readonly waitlistHead?: number;
  readonly offer?: number;
  readonly refundIntent?: number;
  /** Where the refund intents of the paid bookings an ownership cancel releases start. */
  readonly bookingRefundIntents?: number;
  /** The owner's store credit balance (a reservation spending credit). */
  readonly credit?: number;
  /** The outbox puts of the notices the change causes (appended last: see outbox-notices.ts). */
  readonly notices?: readonly number[];
  /** Where an ownership cancel's booking releases start (they run to the end of its items). */
  readonly bookings?: number;
}

/** The layout with its notices' outbox puts appended after every other item. */
export const withNotices = (
  tableName: string,
  layout: TransactionLayout,
  notices: readonly OutboxMessage[] | undefined,
): TransactionLayout => {
  const appended = appendNotices(tableName, layout.items, notices);
  return { ...layout, items: appended.items, notices: appended.notices };
};

const ALL_OLD = "ALL_OLD" as const;

export const appendItems = (
  tableName: string,
  ledger: readonly LedgerEntry[],
  audit: readonly AuditEntry[],
): TransactItem[] => [
  ...ledger.map((entry) => ({ Put: { TableName: tableName, Item: ledgerEntryToItem(entry) } })),
  ...audit.map((entry) => ({ Put: { TableName: tableName, Item: auditEntryToItem(entry) } })),
];

/**
 * The items of a waitlist change: the head's version check and bump, then only the entries and
 * offers that changed. Accepting an offer deletes it on the condition that it is still there,
 * still this owner's and still live at `now`, so an expired offer is never honoured even if the
 * expiry batch has not withdrawn it yet.
 */
export const waitlistChangeItems = (
  tableName: string,
  planId: PlanId,
  change: WaitlistChange,
  accepting?: { readonly offerId: OfferId; readonly ownerId: OwnerId; readonly now: Instant },
): { items: TransactItem[]; head: number; offer?: number } => {
  const { before, after } = change;
  const diff = waitlistDiff(before, after);
  const held = after.heldForLine ?? 0;
  const items: TransactItem[] = [
    {
      Update: {
        TableName: tableName,
        Key: waitlistKeys.head(planId),
        // The head is in the sparse held-for-line index exactly while it holds shares.
        UpdateExpression:
          held > 0
            ? "SET #version = :after, nextSeq = :nextSeq, heldForLine = :held, planId = :planId, entity = :entity, GSI2PK = :heldPk, GSI2SK = :planId"
            : "SET #version = :after, nextSeq = :nextSeq, heldForLine = :held, planId = :planId, entity = :entity REMOVE GSI2PK, GSI2SK",
        // Version 1 is the empty waitlist nobody stored yet.
        ConditionExpression:
          before.version === 1 ? "attribute_not_exists(PK)" : "#version = :before",
        ExpressionAttributeNames: { "#version": "version" },
        ExpressionAttributeValues: {
          ":after": after.version,
          ":nextSeq": after.nextSeq,
          ":held": held,
          ":planId": planId,
          ":entity": "waitlist",
          ...(held > 0 ? { ":heldPk": waitlistKeys.holdingForLine } : {}),
          ...(before.version === 1 ? {} : { ":before": before.version }),
        },
      },
    },
  ];
  let offer: number | undefined;
  const acceptOffer = (
    key: ReturnType<typeof waitlistKeys.offer>,
    held: { offerId: OfferId; ownerId: OwnerId; now: Instant },
  ) => {
    offer = items.length;
    items.push({
      Delete: {
        TableName: tableName,
        Key: key,
        ConditionExpression: "attribute_exists(PK) AND ownerId = :owner AND expiresAt > :now",
        ExpressionAttributeValues: { ":owner": held.ownerId, ":now": held.now },
        ReturnValuesOnConditionCheckFailure: ALL_OLD,
      },
    });
  };
  // The accepted offer is deleted on its condition even if the change forgot to remove it.
  if (accepting !== undefined && !diff.removedOffers.some((o) => o.id === accepting.offerId))
    acceptOffer(waitlistKeys.offer(planId, accepting.offerId), accepting);
  for (const entry of diff.removedEntries)
    items.push({ Delete: { TableName: tableName, Key: waitlistKeys.entry(planId, entry.seq) } });
  for (const entry of diff.putEntries)
    items.push({ Put: { TableName: tableName, Item: waitlistEntryToItem(planId, entry) } });
  for (const removed of diff.removedOffers) {
    const key = waitlistKeys.offer(planId, removed.id);
    if (accepting !== undefined && removed.id === accepting.offerId) acceptOffer(key, accepting);
    else items.push({ Delete: { TableName: tableName, Key: key } });
  }
  for (const put of diff.putOffers)
    items.push({ Put: { TableName: tableName, Item: waitlistOfferToItem(planId, put) } });
  return offer === undefined ? { items, head: 0 } : { items, head: 0, offer };
};

/** An unpaid hold's marker, written with the pending ownership (nothing for a paid one). */
const holdMarkerPut = (tableName: string, ownership: Ownership): TransactItem[] =>
  ownership.status !== "pending_payment" || ownership.holdExpiresAt === undefined
    ? []
    : [
        {
          Put: {
            TableName: tableName,
            Item: {
              ...holdKeys.item(ownership.holdExpiresAt, ownership.id),
              entity: "hold",
              ownershipId: ownership.id,
              planId: ownership.planId,
              expiresAt: ownership.holdExpiresAt,
            },
          },
        },
      ];

/** The hold marker goes when the hold ends (paid, failed, expired or cancelled). */
const holdMarkerDelete = (tableName: string, ownership: Ownership): TransactItem[] =>
  ownership.holdExpiresAt === undefined
    ? []
    : [
        {
          Delete: {
            TableName: tableName,
            Key: holdKeys.item(ownership.holdExpiresAt, ownership.id),
          },
        },
      ];

/** The PaymentIntent's pointer to its ownership, once paid (a repeat puts the same item). */
const paymentIntentPut = (tableName: string, ownership: Ownership): TransactItem[] => {
  const intent = ownership.payment?.paymentIntentId;
  return intent === undefined
    ? []
    : [
        {
          Put: {
            TableName: tableName,
            Item: {
              ...paymentIntentKeys.item(intent),
              entity: "payment-intent",
              ownershipId: ownership.id,
            },
          },
        },
      ];
};

/** SET clauses for an ownership's fields that change after it is written, and their values. */
const ownershipChanges = (
  ownership: Ownership,
): {
  readonly set: string[];
  readonly remove: string[];
  readonly values: Record<string, unknown>;
} => {
  const set = ["#status = :status", "#version = :next"];
  const remove: string[] = [];
  const values: Record<string, unknown> = {
    ":status": ownership.status,
    ":next": ownership.version,
  };
  const optional = {
    cancelledAt: ownership.cancelledAt,
    payment: ownership.payment === undefined ? undefined : defined({ ...ownership.payment }),
    disputed: ownership.disputed,
    creditAppliedYen: ownership.creditAppliedYen,
  };
  for (const [name, value] of Object.entries(optional)) {
    if (value === undefined) remove.push(name);
    else {
      set.push(`${name} = :${name}`);
      values[`:${name}`] = value;
    }
  }
  return { set, remove, values };
};

/**
 * Updates a stored ownership to `ownership` on the condition that it is `from` at `expected`;
 * ALL_OLD tells a missing ownership from a version conflict.
 */
const ownershipUpdate = (
  tableName: string,
  ownership: Ownership,
  from: string,
  expected: number,
): TransactItem => {
  const { set, remove, values } = ownershipChanges(ownership);
  return {
    Update: {
      TableName: tableName,
      Key: ownershipKeys.item(ownership.id),
      UpdateExpression: `SET ${set.join(", ")}${remove.length > 0 ? ` REMOVE ${remove.join(", ")}` : ""}`,
      ConditionExpression: "#status = :from AND #version = :expected",
      ExpressionAttributeNames: { "#status": "status", "#version": "version" },
      ExpressionAttributeValues: { ...values, ":from": from, ":expected": expected },
      ReturnValuesOnConditionCheckFailure: ALL_OLD,
    },
  };
};

/**
 * The one TransactWriteItems of a payment confirmed: the ownership pending at the expected version
 * becomes active, its shares join the owner's paid count, its hold marker goes, and the charge,
 * payout and fee entries are written with it (never before: no money is on the books until paid).
 */
export const confirmPaymentTransaction = (
  tableName: string,
  command: ConfirmPaymentCommand,
): TransactionLayout => {
  const { ownership } = command;
  const items: TransactItem[] = [
    ownershipUpdate(tableName, ownership, "pending_payment", command.expectedVersion),
    {
      Update: {
        TableName: tableName,
        Key: ownershipKeys.ownerShares(ownership.planId, ownership.ownerId),
        UpdateExpression: "SET activeShares = if_not_exists(activeShares, :zero) + :n",
        ConditionExpression: "attribute_exists(#shares)",
        ExpressionAttributeNames: { "#shares": "shares" },
        ExpressionAttributeValues: { ":zero": 0, ":n": ownership.shares },
      },
    },
    ...holdMarkerDelete(tableName, ownership),
    ...paymentIntentPut(tableName, ownership),
    ...appendItems(tableName, command.ledgerEntries, command.audit),
  ];
  return { items, ownership: 0, ownerShares: 1 };
};

/** The one TransactWriteItems of an amendment: the ownership replaced at the expected version. */
export const amendTransaction = (
  tableName: string,
  command: AmendOwnershipCommand,
): TransactionLayout => ({
  items: [
    ownershipUpdate(
      tableName,
      command.ownership,
      command.ownership.status,
      command.expectedVersion,
    ),
    // A disputed ownership's marker, for the admins' one-Query list (a repeat rewrites it).
    ...(command.ownership.disputed === true
      ? [{ Put: { TableName: tableName, Item: disputeMarkerToItem(command.ownership) } }]
      : []),
    // A payment recorded by an amendment (one that came after the hold ended, refunded) is found
    // by its PaymentIntent like a confirmed one: a dispute of it must reach its ownership.
    ...paymentIntentPut(tableName, command.ownership),
    ...appendItems(tableName, command.ledgerEntries, command.audit),
  ],
  ownership: 0,
});

/**
 * The one TransactWriteItems of a reservation:
 * 0. the plan's counters: open, same terms, sharesTaken <= total - n (sold + offered + n <= total),
 *    and sharesSold = expected when a first-N price was quoted (an accepted offer's too); ALL_OLD tells NOT_OPEN from
 *    SOLD_OUT from a version conflict without another read;
 * 1. the ownership under its deterministic id, only if absent; ALL_OLD returns the stored one,
 *    which is the replay's answer;
 * 2. the owner's per-plan count, at most max - n before adding n;
 * then the ledger and audit entries, and for an accepted offer the waitlist change.
 */
export const reserveTransaction = (
  tableName: string,
  command: ReserveCommand,
): TransactionLayout => {
  const { ownership, fromOffer } = command;
  const n = ownership.shares;
  const planUpdate: TransactItem = {
    Update: {
      TableName: tableName,
      Key: planKeys.item(ownership.planId),
      UpdateExpression:
        fromOffer === undefined
          ? "SET sharesSold = sharesSold + :n, sharesTaken = sharesTaken + :n"
          : "SET sharesSold = sharesSold + :n",
      ConditionExpression: [
        "#status = :open AND totalShares = :total AND maxSharesPerOwner = :max",
        ...(fromOffer === undefined ? ["sharesTaken <= :room"] : []),
        ...(command.expectedSharesSold !== undefined ? ["sharesSold = :expected"] : []),
      ].join(" AND "),
      ExpressionAttributeNames: { "#status": "status" },
      ExpressionAttributeValues: {
        ":n": n,
        ":open": "open",
        ":total": command.totalShares,
        ":max": command.maxSharesPerOwner,
        ...(fromOffer === undefined ? { ":room": command.totalShares - n } : {}),
        ...(command.expectedSharesSold !== undefined
          ? { ":expected": command.expectedSharesSold }
          : {}),
      },
      ReturnValuesOnConditionCheckFailure: ALL_OLD,
    },
  };
  const ownershipPut: TransactItem = {
    Put: {
      TableName: tableName,
      Item: ownershipToItem(ownership, command.producerId),
      ConditionExpression: "attribute_not_exists(PK)",
      ReturnValuesOnConditionCheckFailure: ALL_OLD,
    },
  };
  const fits = n <= command.maxSharesPerOwner;
  // `shares` counts held shares (pending or paid: the cap), `activeShares` the paid ones.
  const paidNow = ownership.status === "active";
  const ownerSharesUpdate: TransactItem = {
    Update: {
      TableName: tableName,
      Key: ownershipKeys.ownerShares(ownership.planId, ownership.ownerId),
      UpdateExpression: `SET #shares = if_not_exists(#shares, :zero) + :n, ${
        paidNow ? "activeShares = if_not_exists(activeShares, :zero) + :n, " : ""
      }planId = :planId, ownerId = :ownerId`,
      // More than the cap in one go can never fit: "#shares < :zero" is false even with no item.
      ConditionExpression: fits
        ? "attribute_not_exists(#shares) OR #shares <= :capLeft"
        : "#shares < :zero",
      ExpressionAttributeNames: { "#shares": "shares" },
      ExpressionAttributeValues: {
        ":zero": 0,
        ":n": n,
        ":planId": ownership.planId,
        ":ownerId": ownership.ownerId,
        ...(fits ? { ":capLeft": command.maxSharesPerOwner - n } : {}),
      },
      ReturnValuesOnConditionCheckFailure: ALL_OLD,
    },
  };
  const items = [
    planUpdate,
    ownershipPut,
    ownerSharesUpdate,
    ...holdMarkerPut(tableName, ownership),
    ...appendItems(tableName, command.ledgerEntries, command.audit),
  ];
  // Store credit spent: the balance must still cover it when the write lands.
  const credit = command.creditSpend === undefined ? undefined : items.length;
  if (command.creditSpend !== undefined)
    items.push(creditSpendItem(tableName, command.creditSpend, -1));
  const creditAt = credit === undefined ? {} : { credit };
  if (fromOffer === undefined) return { items, plan: 0, ownership: 1, ownerShares: 2, ...creditAt };
  const waitlist = waitlistChangeItems(tableName, ownership.planId, fromOffer.waitlist, {
    offerId: fromOffer.offerId,
    ownerId: ownership.ownerId,
    now: fromOffer.now,
  });
  const offset = items.length;
  items.push(...waitlist.items);
  return {
    items,
    plan: 0,
    ownership: 1,
    ownerShares: 2,
    ...creditAt,
    waitlistHead: offset + waitlist.head,
    ...(waitlist.offer === undefined ? {} : { offer: offset + waitlist.offer }),
  };
};

/**
 * The one TransactWriteItems of a cancellation: the ownership active at the expected version
 * becomes cancelled; its shares leave the plan's sold count (and the taken count, except the ones
 * offered to the line, which stay taken as held), and the owner's count; then the waitlist change,
 * ledger and audit entries.
 */
export const cancelTransaction = (tableName: string, command: CancelCommand): TransactionLayout => {
  const { ownership } = command;
  const n = ownership.shares;
  const offered = command.waitlist?.offeredShares ?? 0;
  const from = command.expectedStatus ?? "active";
  const items: TransactItem[] = [
    ownershipUpdate(tableName, ownership, from, command.expectedVersion),
    {
      Update: {
        TableName: tableName,
        Key: planKeys.item(ownership.planId),
        UpdateExpression: "SET sharesSold = sharesSold - :n, sharesTaken = sharesTaken - :freed",
        ConditionExpression:
          command.beforeAllocation === true
            ? "attribute_exists(PK) AND attribute_not_exists(allocationStartedAt)"
            : "attribute_exists(PK)",
        ExpressionAttributeValues: { ":n": n, ":freed": n - offered },
        ReturnValuesOnConditionCheckFailure: ALL_OLD,
      },
    },
    {
      Update: {
        TableName: tableName,
        Key: ownershipKeys.ownerShares(ownership.planId, ownership.ownerId),
        // Paid shares leave the paid count too; an unpaid hold only ever held. The owner's
        // booked seats on the plan (bookedSeats, moved by every booking) must all be released
        // when these were its last paid shares: a booking made since they were read fails this.
        UpdateExpression:
          from === "active"
            ? "SET #shares = #shares - :n, activeShares = if_not_exists(activeShares, #shares) - :n, bookedSeats = if_not_exists(bookedSeats, :zero) - :released"
            : "SET #shares = #shares - :n",
        ConditionExpression:
          from === "active"
            ? "attribute_exists(#shares) AND (attribute_not_exists(bookedSeats) OR bookedSeats = :released OR activeShares > :n)"
            : "attribute_exists(#shares)",
        ExpressionAttributeNames: { "#shares": "shares" },
        ExpressionAttributeValues:
          from === "active"
            ? { ":n": n, ":zero": 0, ":released": releasedSeats(command) }
            : { ":n": n },
      },
    },
    ...(from === "pending_payment" ? holdMarkerDelete(tableName, ownership) : []),
  ];
  let waitlistHead: number | undefined;
  if (command.waitlist !== undefined) {
    const waitlist = waitlistChangeItems(tableName, ownership.planId, command.waitlist.change);
    waitlistHead = items.length + waitlist.head;
    items.push(...waitlist.items);
  }
  let refundIntent: number | undefined;
  if (command.refundIntent !== undefined) {
    refundIntent = items.length;
    items.push({
      Put: {
        TableName: tableName,
        Item: refundIntentToItem(command.refundIntent),
        ConditionExpression: "attribute_not_exists(PK)",
      },
    });
  }
  // The refunds of the paid bookings released with it, committed here and paid after the write.
  const bookingIntents = command.bookingReleases?.refundIntents ?? [];
  const bookingRefundIntents = bookingIntents.length === 0 ? undefined : items.length;
  items.push(
    ...bookingIntents.map(
      (intent): TransactItem => ({
        Put: {
          TableName: tableName,
          Item: refundIntentToItem(intent),
          ConditionExpression: "attribute_not_exists(PK)",
        },
      }),
    ),
  );
  items.push(...appendItems(tableName, command.ledgerEntries, command.audit));
  // Credit the ownership spent goes back to the owner's balance in the same write.
  if (command.creditRelease !== undefined)
    items.push(creditSpendItem(tableName, command.creditRelease, 1));
  // The owner's experience bookings that go with its last paid shares, in the same write.
  const released = bookingReleaseItems(tableName, command);
  const bookings = released.length === 0 ? undefined : items.length;
  items.push(...released);
  return {
    items,
    ...(bookings === undefined ? {} : { bookings }),
    ...(refundIntent === undefined ? {} : { refundIntent }),
    ...(bookingRefundIntents === undefined ? {} : { bookingRefundIntents }),
    ownership: 0,
    plan: 1,
    ownerShares: 2,
    ...(waitlistHead === undefined ? {} : { waitlistHead }),
  };
};
