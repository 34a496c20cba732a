import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { seededRandom } from "@owners/app/testing";

export interface FaultCounts {
  /** Throttles thrown before the request left (nothing written); the adapter's retry takes them. */
  throttledBeforeSend: number;
  /** TransactionConflict cancellations thrown before the request left; the adapter's retry takes them. */
  conflicts: number;
  /** Responses "lost" after DynamoDB applied the write: the SDK's own retry sends it again. */
  lostResponses: number;
}

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
 * Makes a share of the client's calls fail the way DynamoDB does under load, with SDK middleware:
 * - at "initialize" (outside the SDK's retry loop): throttling on any call and TransactionConflict on
 *   transactions, before anything is sent — only the adapter's own bounded retry saves those;
 * - at "finalizeRequest" (inside the SDK's retry loop): a throttle thrown after the write was
 *   applied, as if the response was lost, so the SDK sends the same transaction again.
 */
export const injectFaults = (doc: DynamoDBDocumentClient, rate: number, seed = 7): FaultCounts => {
  const counts: FaultCounts = { throttledBeforeSend: 0, conflicts: 0, lostResponses: 0 };
  const random = seededRandom(seed);
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const roll = random();
      if (roll < rate / 2) {
        counts.throttledBeforeSend += 1;
        throw throttle();
      }
      if (context.commandName === "TransactWriteItemsCommand" && roll < rate) {
        counts.conflicts += 1;
        const input = args.input as { TransactItems?: unknown[] };
        throw transactionConflict(input.TransactItems?.length ?? 1);
      }
      return next(args);
    },
    { step: "initialize", name: "injectBeforeSendFaults" },
  );
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (context.commandName === "TransactWriteItemsCommand" && random() < rate / 2) {
        counts.lostResponses += 1;
        throw throttle();
      }
      return result;
    },
    { step: "finalizeRequest", name: "injectLostResponses" },
  );
  return counts;
};
