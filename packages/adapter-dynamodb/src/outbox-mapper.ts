import { isPending, type StoredOutboxMessage } from "@owners/app";
import {
  type Instant,
  isFanOutTrigger,
  type NotificationKind,
  type OutboxMessage,
  type RecipientId,
} from "@owners/domain";
import { outboxKeys } from "./harvest-keys.ts";
import { defined, type Item } from "./item.ts";

/** A message item; while pending it carries the pending index keys (GSI1), removed once settled. */
export const outboxMessageToItem = (m: StoredOutboxMessage): Item => {
  const pending = isPending(m);
  return defined({
    ...outboxKeys.item(m.dedupeKey),
    // A fan-out trigger waits in its own partition: the flush's list never meets it.
    GSI1PK: pending
      ? isFanOutTrigger(m)
        ? outboxKeys.fanOutPending
        : outboxKeys.pending
      : undefined,
    GSI1SK: pending ? outboxKeys.pendingSort(m.at, m.dedupeKey) : undefined,
    GSI2PK: outboxKeys.toRecipient(m.recipientId),
    GSI2SK: outboxKeys.pendingSort(m.at, m.dedupeKey),
    entity: "outboxMessage",
    id: m.id,
    recipientId: m.recipientId,
    kind: m.kind,
    subject: m.subject,
    body: m.body,
    params: m.params === undefined ? undefined : { ...m.params },
    at: m.at,
    dedupeKey: m.dedupeKey,
    deliveredAt: m.deliveredAt,
    setAsideAt: m.setAside?.at,
    setAsideReason: m.setAside?.reason,
    readAt: m.readAt,
  });
};

export const outboxMessageFromItem = (item: Item): StoredOutboxMessage => ({
  id: item.id as string,
  recipientId: item.recipientId as RecipientId,
  kind: item.kind as NotificationKind,
  subject: item.subject as string,
  body: item.body as string,
  ...(item.params === undefined
    ? {}
    : { params: item.params as Readonly<Record<string, string | number>> }),
  at: item.at as Instant,
  dedupeKey: item.dedupeKey as string,
  ...(item.params === undefined ? {} : { params: item.params as OutboxMessage["params"] }),
  ...(item.deliveredAt === undefined ? {} : { deliveredAt: item.deliveredAt as Instant }),
  ...(item.setAsideAt === undefined
    ? {}
    : { setAside: { at: item.setAsideAt as Instant, reason: item.setAsideReason as string } }),
  ...(item.readAt === undefined ? {} : { readAt: item.readAt as Instant }),
});
