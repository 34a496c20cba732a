import { BatchGetCommand, BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { AppError } from "@owners/app";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { DynamoContext } from "./client.ts";
import { storeUnavailable } from "./dynamo-errors.ts";
import type { Item } from "./item.ts";
import type { ItemKey } from "./reservation-keys.ts";
import { backoffDelay, DEFAULT_RETRY_POLICY, type RetryPolicy, withRetry } from "./retry.ts";

/** BatchWriteItem takes at most 25 requests; BatchGetItem at most 100 keys. */
export const BATCH_WRITE_LIMIT = 25;
export const BATCH_GET_LIMIT = 100;

export type WriteRequest =
  | { readonly PutRequest: { readonly Item: Item } }
  | { readonly DeleteRequest: { readonly Key: ItemKey } };

export interface BatchOptions {
  /** Chunks in flight at once: a few keep a 100k-item write fast without hogging capacity. */
  readonly concurrency?: number;
  readonly retry?: RetryPolicy;
  /** Rounds of resending unprocessed requests before giving up (STORE.UNAVAILABLE). */
  readonly maxRounds?: number;
}

const DEFAULTS = { concurrency: 4, retry: DEFAULT_RETRY_POLICY, maxRounds: 12 };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const chunk = <T>(items: readonly T[], size: number): T[][] => {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    chunks.push(items.slice(start, start + size));
  return chunks;
};

/** Runs `work` on every chunk with at most `concurrency` in flight; the first failure wins. */
const inParallel = async <T>(
  chunks: readonly T[],
  concurrency: number,
  work: (chunk: T) => Promise<void>,
) => {
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const mine = chunks[next] as T;
      next += 1;
      await work(mine);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
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
  const { concurrency, retry, maxRounds } = { ...DEFAULTS, ...options };
  return TE.tryCatch(
    () =>
      inParallel(chunk(requests, BATCH_WRITE_LIMIT), concurrency, async (batch) => {
        let pending: readonly WriteRequest[] = batch;
        for (let round = 0; pending.length > 0; round += 1) {
          if (round >= maxRounds)
            throw new Error(`BatchWriteItem left ${pending.length} requests unprocessed`);
          if (round > 0) await sleep(backoffDelay(retry, round - 1));
          const output = await withRetry(
            () =>
              ctx.doc.send(
                new BatchWriteCommand({ RequestItems: { [ctx.tableName]: [...pending] } }),
              ),
            retry,
          );
          pending = (output.UnprocessedItems?.[ctx.tableName] ?? []) as WriteRequest[];
        }
      }),
    storeUnavailable,
  );
};

/** Puts every item (the common case of batchWriteAll). */
export const batchPutAll = (ctx: DynamoContext, items: readonly Item[], options?: BatchOptions) =>
  batchWriteAll(
    ctx,
    items.map((item) => ({ PutRequest: { Item: item } })),
    options,
  );

/**
 * Reads every key with BatchGetItem, 100 at a time (consistent reads), resending UnprocessedKeys
 * with backoff. Absent items are simply not in the result; the order is not the keys' order.
 */
export const batchGetAll = (
  ctx: DynamoContext,
  keys: readonly ItemKey[],
  options: BatchOptions = {},
): TE.TaskEither<AppError, Item[]> => {
  const { concurrency, retry, maxRounds } = { ...DEFAULTS, ...options };
  return TE.tryCatch(async () => {
    const found: Item[] = [];
    await inParallel(chunk(keys, BATCH_GET_LIMIT), concurrency, async (batch) => {
      let pending: readonly ItemKey[] = batch;
      for (let round = 0; pending.length > 0; round += 1) {
        if (round >= maxRounds)
          throw new Error(`BatchGetItem left ${pending.length} keys unprocessed`);
        if (round > 0) await sleep(backoffDelay(retry, round - 1));
        const output = await withRetry(
          () =>
            ctx.doc.send(
              new BatchGetCommand({
                RequestItems: { [ctx.tableName]: { Keys: [...pending], ConsistentRead: true } },
              }),
            ),
          retry,
        );
        found.push(...((output.Responses?.[ctx.tableName] ?? []) as Item[]));
        pending = (output.UnprocessedKeys?.[ctx.tableName]?.Keys ?? []) as ItemKey[];
      }
    });
    return found;
  }, storeUnavailable);
};
