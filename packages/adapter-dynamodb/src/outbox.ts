import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import {
  appError,
  clampLimit,
  type MarkDeliveredOutcome,
  type Outbox,
  runPooled,
  type SetAsideOutcome,
} from "@owners/app";
import type { OutboxMessage } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { DynamoContext } from "./client.ts";
import { conditionalWrite } from "./conditional-write.ts";
import { attempt, queryPage } from "./dynamo-query.ts";
import { outboxKeys } from "./harvest-keys.ts";
import type { Item } from "./item.ts";
import { outboxMessageFromItem, outboxMessageToItem } from "./outbox-mapper.ts";

/** Conditional puts in flight at once while enqueueing a batch's messages. */
const ENQUEUE_CONCURRENCY = 16;

/** true when stored now, false when the dedupe key was already there. */
const putIfNew = (ctx: DynamoContext, message: OutboxMessage) =>
  conditionalWrite(
    async () => {
      await ctx.doc.send(
        new PutCommand({
          TableName: ctx.tableName,
          Item: outboxMessageToItem(message),
          ConditionExpression: "attribute_not_exists(PK)",
        }),
      );
      return true;
    },
    () => E.right(false),
  );

/** The message exists and is still pending: neither delivered nor set aside. */
const STILL_PENDING =
  "attribute_exists(PK) AND attribute_not_exists(deliveredAt) AND attribute_not_exists(setAsideAt)";

/**
 * Settles a pending message once: one conditional update that applies `set` (a SET clause over
 * `values`) and removes the GSI1 keys, so it leaves the pending index. `settled` for the call that
 * wins, `already` for any later one; NOT_FOUND when no message has this dedupeKey.
 */
const settle = <Outcome extends MarkDeliveredOutcome | SetAsideOutcome>(
  ctx: DynamoContext,
  dedupeKey: string,
  set: string,
  values: Record<string, unknown>,
  settled: Outcome,
  already: Outcome,
) =>
  conditionalWrite(
    async (): Promise<Outcome> => {
      await ctx.doc.send(
        new UpdateCommand({
          TableName: ctx.tableName,
          Key: outboxKeys.item(dedupeKey),
          UpdateExpression: `SET ${set} REMOVE GSI1PK, GSI1SK`,
          ConditionExpression: STILL_PENDING,
          ExpressionAttributeValues: values,
          ReturnValuesOnConditionCheckFailure: "ALL_OLD",
        }),
      );
      return settled;
    },
    (old) =>
      old === undefined
        ? E.left(appError("OUTBOX.NOT_FOUND", "no message with this dedupeKey", { dedupeKey }))
        : E.right(already),
  );

/** Up to `limit` pending items of one GSI1 partition (messages to send, or fan-out triggers). */
const listPendingIn = (ctx: DynamoContext, partition: string, limit: number) =>
  pipe(
    attempt(() =>
      ctx.doc.send(
        new QueryCommand({
          TableName: ctx.tableName,
          IndexName: "GSI1",
          KeyConditionExpression: "GSI1PK = :pk",
          ExpressionAttributeValues: { ":pk": partition },
          Limit: clampLimit(limit),
        }),
      ),
    ),
    TE.map((output) => ((output.Items ?? []) as Item[]).map(outboxMessageFromItem)),
  );

/**
 * One item per dedupe key. Enqueueing is a conditional put per message (BatchWriteItem cannot be
 * conditional, and an unconditional re-put would make a delivered message pending again), a few
 * in flight at once. Pending messages sit in GSI1 (a sparse index), oldest first; markDelivered
 * and setAside are each one conditional update (`settle`) that removes the GSI1 keys, so it
 * succeeds once.
 */
export const makeDynamoOutbox = (ctx: DynamoContext): Outbox => ({
  enqueue: (messages) => async () => {
    const results = await runPooled(
      messages,
      ENQUEUE_CONCURRENCY,
      (message) => putIfNew(ctx, message)(),
      E.isLeft,
    );
    const failure = results.find(E.isLeft);
    if (failure !== undefined) return failure;
    const enqueued = results.filter((r) => E.isRight(r) && r.right).length;
    return E.right({ enqueued, duplicates: messages.length - enqueued });
  },
  listPending: (limit) => listPendingIn(ctx, outboxKeys.pending, limit),
  listPendingFanOuts: (limit) => listPendingIn(ctx, outboxKeys.fanOutPending, limit),
  markDelivered: (dedupeKey, at) =>
    settle(ctx, dedupeKey, "deliveredAt = :at", { ":at": at }, "marked", "already-delivered"),
  setAside: (dedupeKey, at, reason) =>
    settle(
      ctx,
      dedupeKey,
      "setAsideAt = :at, setAsideReason = :reason",
      { ":at": at, ":reason": reason },
      "set-aside",
      "already-settled",
    ),
  listByRecipient: (recipientId, page) =>
    queryPage(
      ctx,
      {
        IndexName: "GSI2",
        KeyConditionExpression: "GSI2PK = :pk",
        ExpressionAttributeValues: { ":pk": outboxKeys.toRecipient(recipientId) },
      },
      page,
      `outbox-to:${recipientId}`,
      outboxMessageFromItem,
    ),
  // Blank subject and body; a pending message also leaves the pending index, set aside for good.
  erase: (dedupeKey, at) =>
    pipe(
      conditionalWrite(
        async () => {
          await ctx.doc.send(
            new UpdateCommand({
              TableName: ctx.tableName,
              Key: outboxKeys.item(dedupeKey),
              UpdateExpression: "SET subject = :blank, body = :blank REMOVE params",
              ConditionExpression: "attribute_exists(PK)",
              ExpressionAttributeValues: { ":blank": "" },
            }),
          );
        },
        () => E.right(undefined),
      ),
      TE.chain(() =>
        pipe(
          settle(
            ctx,
            dedupeKey,
            "setAsideAt = :at, setAsideReason = :reason",
            { ":at": at, ":reason": "account-closed" },
            "set-aside",
            "already-settled",
          ),
          TE.orElse((error) =>
            error._tag === "OUTBOX.NOT_FOUND"
              ? TE.right("already-settled" as const)
              : TE.left(error),
          ),
        ),
      ),
      TE.map(() => undefined),
    ),
  get: (dedupeKey) =>
    pipe(
      attempt(() =>
        ctx.doc.send(
          new GetCommand({
            TableName: ctx.tableName,
            Key: outboxKeys.item(dedupeKey),
            ConsistentRead: true,
          }),
        ),
      ),
      TE.map((output) =>
        O.map(outboxMessageFromItem)(O.fromNullable(output.Item as Item | undefined)),
      ),
    ),
  // The recipient index (GSI2) read backwards: newest first.
  listInbox: (recipientId, page) =>
    queryPage(
      ctx,
      {
        IndexName: "GSI2",
        KeyConditionExpression: "GSI2PK = :pk",
        ExpressionAttributeValues: { ":pk": outboxKeys.toRecipient(recipientId) },
        ScanIndexForward: false,
      },
      page,
      `inbox:${recipientId}`,
      outboxMessageFromItem,
    ),
  // One conditional update: only the recipient's own message, and the first read time is kept.
  markRead: (recipientId, dedupeKey, at) =>
    conditionalWrite(
      async () => {
        await ctx.doc.send(
          new UpdateCommand({
            TableName: ctx.tableName,
            Key: outboxKeys.item(dedupeKey),
            UpdateExpression: "SET readAt = if_not_exists(readAt, :at)",
            ConditionExpression: "attribute_exists(PK) AND recipientId = :recipient",
            ExpressionAttributeValues: { ":at": at, ":recipient": recipientId },
          }),
        );
      },
      () => E.left(appError("OUTBOX.NOT_FOUND", "no such message for this recipient", {})),
    ),
});
