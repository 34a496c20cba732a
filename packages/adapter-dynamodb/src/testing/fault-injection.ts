import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { seededRandom } from "@owners/app/testing";

export interface FaultCounts {
  /** Throttles thrown before the request left (nothing written); the client's retry takes them. */
  throttledBeforeSend: number;
  /** TransactionConflict cancellations thrown before the request left; the client's retry takes them. */
  conflicts: number;
  /** Responses "lost" after DynamoDB applied the write: the client's retry sends it again. */
  lostResponses: number;
  /** Of the throttles, those on reads (GetItem, Query, BatchGetItem): stale or missing reads must not leak through. */
  readsThrottled: number;
}

const READS = new Set(["GetItemCommand", "QueryCommand", "BatchGetItemCommand"]);

const throttle = () =>
  Object.assign(new Error("Rate of requests exceeds the allowed throughput (injected)"), {
    name: "ProvisionedThroughputExceededException",
    $fault: "client",
    $metadata: { httpStatusCode: 400 },
  });

const transactionConflict = (items: number) =>
  Object.assign(new Error("Transaction cancelled (injected)"), {
    name: "TransactionCanceledException",
    $fault: "client",
    $metadata: { httpStatusCode: 400 },
    CancellationReasons: Array.from({ length: Math.max(1, items) }, (_, i) =>
      i === 0
        ? { Code: "TransactionConflict", Message: "Transaction is ongoing for the item" }
        : { Code: "None" },
    ),
  });

/**
 * Makes a share of the client's calls fail the way DynamoDB does under load, with SDK middleware
 * inside the client's retry loop (the one retry there is, retry.ts), so it is that loop that must
 * absorb them:
 * - before the request leaves: throttling on any call and TransactionConflict on transactions;
 * - after DynamoDB applied a transaction: a throttle, as if the response was lost, so the client
 *   sends the same transaction again (same ClientRequestToken).
 */
export const injectFaults = (doc: DynamoDBDocumentClient, rate: number, seed = 7): FaultCounts => {
  const counts: FaultCounts = {
    throttledBeforeSend: 0,
    conflicts: 0,
    lostResponses: 0,
    readsThrottled: 0,
  };
  const random = seededRandom(seed);
  // The seeded rolls go to calls in the order concurrent calls happen to reach the client, so a
  // run may draw no throttle for one kind of call: the first read and the first write are always
  // throttled, so every run meets both.
  const met = new Set<"read" | "write">();
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const transaction = context.commandName === "TransactWriteItemsCommand";
      const kind = READS.has(context.commandName ?? "") ? "read" : "write";
      const first = rate > 0 && !met.has(kind);
      met.add(kind);
      const roll = random();
      if (first || roll < rate / 2) {
        counts.throttledBeforeSend += 1;
        if (kind === "read") counts.readsThrottled += 1;
        throw throttle();
      }
      if (transaction && roll < rate) {
        counts.conflicts += 1;
        const input = args.input as { TransactItems?: unknown[] };
        throw transactionConflict(input.TransactItems?.length ?? 1);
      }
      const result = await next(args);
      if (transaction && random() < rate / 2) {
        counts.lostResponses += 1;
        throw throttle();
      }
      return result;
    },
    { step: "finalizeRequest", name: "injectFaults" },
  );
  return counts;
};
