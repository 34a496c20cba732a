import type { StoredOutboxMessage } from "@owners/app";
import type { Instant, NotificationKind, OwnerId } from "@owners/domain";
import { outboxKeys } from "./harvest-keys.ts";
import { defined, type Item } from "./item.ts";

/** A message item; while pending it carries the pending index keys (GSI1), removed on delivery. */
export const outboxMessageToItem = (m: StoredOutboxMessage): Item =>
  defined({
    ...outboxKeys.item(m.dedupeKey),
    GSI1PK: m.deliveredAt === undefined ? outboxKeys.pending : undefined,
    GSI1SK: m.deliveredAt === undefined ? outboxKeys.pendingSort(m.at, m.dedupeKey) : undefined,
    entity: "outboxMessage",
    id: m.id,
    recipientId: m.recipientId,
    kind: m.kind,
    subject: m.subject,
    body: m.body,
    at: m.at,
    dedupeKey: m.dedupeKey,
    deliveredAt: m.deliveredAt,
  });

export const outboxMessageFromItem = (item: Item): StoredOutboxMessage => ({
  id: item.id as string,
  recipientId: item.recipientId as OwnerId,
  kind: item.kind as NotificationKind,
  subject: item.subject as string,
  body: item.body as string,
  at: item.at as Instant,
  dedupeKey: item.dedupeKey as string,
  ...(item.deliveredAt === undefined ? {} : { deliveredAt: item.deliveredAt as Instant }),
});
