import type { AppError, EnqueueResult, Outbox } from "@owners/app";
import type { OutboxMessage } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { batchGetAll, batchPutAll } from "./batch-write.ts";
import type { DynamoContext } from "./client.ts";
import { outboxKeys } from "./harvest-keys.ts";
import { makeDynamoOutbox } from "./outbox.ts";
import { outboxMessageToItem } from "./outbox-mapper.ts";

/**
 * Enqueues many messages at BatchWriteItem speed: the keys already stored are read first
 * (BatchGetItem, 100 a call, consistent) and only the new messages are written (BatchWriteItem,
 * 25 a call). A message already there, pending or delivered, is never written again, so a
 * re-run cannot make a delivered message pending. Unlike the conditional put, the read and the
 * write are two steps: only another enqueue of the same key landing between them (two runs of
 * the same lot at once, which the batch lease prevents) could rewrite it, and then the Notifier's
 * own dedupe by key still sends it once.
 */
export const enqueueInBulk =
  (ctx: DynamoContext) =>
  (messages: readonly OutboxMessage[]): TE.TaskEither<AppError, EnqueueResult> => {
    const first = new Map<string, OutboxMessage>();
    for (const message of messages)
      if (!first.has(message.dedupeKey)) first.set(message.dedupeKey, message);
    return pipe(
      batchGetAll(
        ctx,
        [...first.keys()].map((key) => outboxKeys.item(key)),
      ),
      TE.map((stored) => new Set(stored.map((item) => item.dedupeKey as string))),
      TE.map((stored) => [...first.values()].filter((m) => !stored.has(m.dedupeKey))),
      TE.chain((fresh) =>
        pipe(
          batchPutAll(ctx, fresh.map(outboxMessageToItem)),
          TE.map(() => ({ enqueued: fresh.length, duplicates: messages.length - fresh.length })),
        ),
      ),
    );
  };

/**
 * The DynamoDB outbox with `enqueueInBulk`: what the batches use to enqueue a lot's messages
 * (100,000 conditional puts would take several times as long as the lot's own writes).
 */
export const makeDynamoBulkOutbox = (ctx: DynamoContext): Outbox => ({
  ...makeDynamoOutbox(ctx),
  enqueue: enqueueInBulk(ctx),
});
