import { BatchGetCommand, BatchWriteCommand, GetCommand } from "@aws-sdk/lib-dynamodb";
import {
  type AppError,
  type BackoffPolicy,
  chunksOf,
  retryWithBackoff,
  runPooled,
} from "@owners/app";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { DynamoContext } from "./client.ts";
import { storeUnavailable } from "./dynamo-errors.ts";
import type { Item } from "./item.ts";
import type { ItemKey } from "./reservation-keys.ts";
import { THROTTLE_RETRY_POLICY } from "./retry.ts";

/** BatchWriteItem takes at most 25 requests; BatchGetItem at most 100 keys. */
export const BATCH_WRITE_LIMIT = 25;
export const BATCH_GET_LIMIT = 100;

export type WriteRequest =
  | { readonly PutRequest: { readonly Item: Item } }
  | { readonly DeleteRequest: { readonly Key: ItemKey } };

export interface BatchOptions {
  /** Chunks in flight at once: a few keep a 100k-item write fast without hogging capacity. */
  readonly concurrency?: number;
  /** How long one chunk may keep resending what DynamoDB hands back unprocessed. */
  readonly retry?: BackoffPolicy;
}

const DEFAULTS = { concurrency: 4, retry: THROTTLE_RETRY_POLICY };

/**
 * Sends `round` with what is still pending until nothing is. What DynamoDB hands back unprocessed
 * is throttling by another name: it is resent after the same jittered backoff, within the same
 * time budget, then STORE.UNAVAILABLE. Errors are the client's to retry, not this loop's.
 */
const untilAllDone = async <R>(
  what: string,
  pending: readonly R[],
  retry: BackoffPolicy,
  round: (pending: readonly R[]) => Promise<readonly R[]>,
): Promise<void> => {
  let left = pending;
  await retryWithBackoff(
    retry,
    async () => {
      left = await round(left);
      return left.length;
    },
    (count) => count > 0,
  );
  if (left.length > 0) throw new Error(`${what} left ${left.length} unprocessed`);
};

/**
 * Writes every request with BatchWriteItem, 25 at a time. DynamoDB may accept part of a batch and
 * hand the rest back as UnprocessedItems (throttling, partition limits): those are resent alone,
 * after an exponential backoff with full jitter, until none are left. Requests must be idempotent
 * (puts of deterministic items, deletes), since a resent one may already have landed.
 */
export const batchWriteAll = (
  ctx: DynamoContext,
  requests: readonly WriteRequest[],
  options: BatchOptions = {},
): TE.TaskEither<AppError, void> => {
  const { concurrency, retry } = { ...DEFAULTS, ...options };
  return TE.tryCatch(async () => {
    await runPooled(chunksOf(requests, BATCH_WRITE_LIMIT), concurrency, (batch) =>
      untilAllDone("BatchWriteItem", batch, retry, async (pending) => {
        const output = await ctx.doc.send(
          new BatchWriteCommand({ RequestItems: { [ctx.tableName]: [...pending] } }),
        );
        return (output.UnprocessedItems?.[ctx.tableName] ?? []) as WriteRequest[];
      }),
    );
  }, storeUnavailable);
};

/** Puts every item (the common case of batchWriteAll). */
export const batchPutAll = (ctx: DynamoContext, items: readonly Item[], options?: BatchOptions) =>
  batchWriteAll(
    ctx,
    items.map((item) => ({ PutRequest: { Item: item } })),
    options,
  );

export interface BatchGetOptions extends BatchOptions {
  /** Consistent reads unless false (a value that never changes, or may lag, reads for half). */
  readonly consistent?: boolean;
  /** Only these attributes (a ProjectionExpression of plain names). */
  readonly projection?: string;
}

/**
 * Reads every key with BatchGetItem, 100 at a time (consistent reads by default), resending
 * UnprocessedKeys with backoff. Absent items are simply not in the result; the order is not the
 * keys' order. A single key is a GetItem (the same read units): a plan page's one producer card
 * then costs a cold Lambda no first BatchGetItem, whose request and response shapes the SDK
 * prepares on first use.
 */
export const batchGetAll = (
  ctx: DynamoContext,
  keys: readonly ItemKey[],
  options: BatchGetOptions = {},
): TE.TaskEither<AppError, Item[]> => {
  const { concurrency, retry } = { ...DEFAULTS, ...options };
  const read = {
    ConsistentRead: options.consistent ?? true,
    ...(options.projection === undefined ? {} : { ProjectionExpression: options.projection }),
  };
  const [only] = keys;
  if (keys.length === 1 && only !== undefined)
    return TE.tryCatch(async () => {
      const output = await ctx.doc.send(
        new GetCommand({ TableName: ctx.tableName, Key: only, ...read }),
      );
      return output.Item === undefined ? [] : [output.Item as Item];
    }, storeUnavailable);
  return TE.tryCatch(async () => {
    const found: Item[] = [];
    await runPooled(chunksOf(keys, BATCH_GET_LIMIT), concurrency, (batch) =>
      untilAllDone("BatchGetItem", batch, retry, async (pending) => {
        const output = await ctx.doc.send(
          new BatchGetCommand({
            RequestItems: { [ctx.tableName]: { Keys: [...pending], ...read } },
          }),
        );
        found.push(...((output.Responses?.[ctx.tableName] ?? []) as Item[]));
        return (output.UnprocessedKeys?.[ctx.tableName]?.Keys ?? []) as ItemKey[];
      }),
    );
    return found;
  }, storeUnavailable);
};
