import type { Instant, OutboxMessage } from "@owners/domain";
import type * as O from "fp-ts/lib/Option.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { Page, PageRequest } from "../pagination.ts";

/** A message waiting in (or delivered from) the outbox. */
export interface StoredOutboxMessage extends OutboxMessage {
  /** When the flush confirmed delivery; absent while pending. */
  readonly deliveredAt?: Instant;
  /** When the channel refused it for good, and why (an error code): it is no longer pending. */
  readonly setAside?: { readonly at: Instant; readonly reason: string };
  /** When the recipient read it in the in-app inbox; absent while unread. */
  readonly readAt?: Instant;
}

/** Still waiting for the flush: neither delivered nor set aside (either settles it for good). */
export const isPending = (m: StoredOutboxMessage): boolean =>
  m.deliveredAt === undefined && m.setAside === undefined;

export interface EnqueueResult {
  /** Messages stored now. */
  readonly enqueued: number;
  /** Messages dropped because their dedupeKey was already in the outbox (pending or delivered). */
  readonly duplicates: number;
}

export type MarkDeliveredOutcome = "marked" | "already-delivered";

/** "already-settled": the message was delivered or set aside before. */
export type SetAsideOutcome = "set-aside" | "already-settled";

/** Notifications waiting to be sent; the flush batch drains it through the Notifier. */
export interface Outbox {
  /** Stores each message unless its dedupeKey is already there (the first one is kept). */
  enqueue(messages: readonly OutboxMessage[]): TE.TaskEither<AppError, EnqueueResult>;
  /**
   * Up to `limit` (1..100) pending messages, oldest first (at, then dedupeKey). Fan-out triggers
   * (recipient FAN_OUT_RECIPIENT) are never among them: they are not sent, they are expanded.
   */
  listPending(limit: number): TE.TaskEither<AppError, readonly StoredOutboxMessage[]>;
  /**
   * Up to `limit` (1..100) pending fan-out triggers, oldest first: the fan-out's work list. Each is
   * settled with markDelivered once expanded.
   */
  listPendingFanOuts(limit: number): TE.TaskEither<AppError, readonly StoredOutboxMessage[]>;
  /**
   * Marks the message delivered: exactly one call per dedupeKey gets "marked", every later or
   * concurrent one "already-delivered". The message leaves the pending list.
   */
  markDelivered(dedupeKey: string, at: Instant): TE.TaskEither<AppError, MarkDeliveredOutcome>;
  /**
   * Takes a message the channel refused for good (no address, rejected) off the pending list,
   * keeping it with `setAside` for operators: refusals at the head of the list must not block the
   * messages behind them. Exactly one call per dedupeKey gets "set-aside".
   */
  setAside(
    dedupeKey: string,
    at: Instant,
    reason: string,
  ): TE.TaskEither<AppError, SetAsideOutcome>;
  /** The messages addressed to a recipient, oldest first (at, then dedupeKey). */
  listByRecipient(
    recipientId: string,
    page: PageRequest,
  ): TE.TaskEither<AppError, Page<StoredOutboxMessage>>;
  /**
   * Blanks a message's subject, body and params (its recipient closed the account); a pending one is set
   * aside ("account-closed") so it is never sent. Succeeds when it is already blank or gone.
   */
  erase(dedupeKey: string, at: Instant): TE.TaskEither<AppError, void>;
  /** The message stored under a dedupeKey, pending or delivered, or none. */
  get(dedupeKey: string): TE.TaskEither<AppError, O.Option<StoredOutboxMessage>>;
  /** The recipient's messages newest first (at, then dedupeKey, descending): the in-app inbox. */
  listInbox(
    recipientId: string,
    page: PageRequest,
  ): TE.TaskEither<AppError, Page<StoredOutboxMessage>>;
  /**
   * Marks the recipient's message read at `at`; a message already read keeps its first readAt.
   * OUTBOX.NOT_FOUND when there is no such message or it is addressed to someone else.
   */
  markRead(recipientId: string, dedupeKey: string, at: Instant): TE.TaskEither<AppError, void>;
}
