import { TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { OutboxMessage } from "@owners/domain";
import type { DynamoContext } from "./client.ts";
import {
  type CancellationReason,
  cancellationReasons,
  isConditionFailed,
} from "./dynamo-errors.ts";
import { outboxMessageToItem } from "./outbox-mapper.ts";
import type { TransactItem } from "./reservation-transactions.ts";

/**
 * Notifications written in the same TransactWriteItems as the change that causes them: one Put
 * per message, conditional on its dedupeKey being new (the outbox item is keyed by the dedupeKey,
 * so it is its own dedupe guard). A transaction cannot touch one item twice: repeats within the
 * list are dropped first, the first one kept.
 */
export const noticePuts = (
  tableName: string,
  notices: readonly OutboxMessage[] = [],
): TransactItem[] => {
  const seen = new Set<string>();
  return notices.flatMap((notice) => {
    if (seen.has(notice.dedupeKey)) return [];
    seen.add(notice.dedupeKey);
    return [
      {
        Put: {
          TableName: tableName,
          Item: outboxMessageToItem(notice),
          ConditionExpression: "attribute_not_exists(PK)",
        },
      },
    ];
  });
};

/** The items with their notice puts appended, and where those sit. */
export interface WithNotices {
  readonly items: TransactItem[];
  /** Indexes of the notice puts in `items`. */
  readonly notices: readonly number[];
}

export const appendNotices = (
  tableName: string,
  items: readonly TransactItem[],
  notices: readonly OutboxMessage[] = [],
): WithNotices => {
  const puts = noticePuts(tableName, notices);
  return {
    items: [...items, ...puts],
    notices: puts.map((_, i) => items.length + i),
  };
};

/**
 * A cancelled transaction whose only failed conditions are notice puts (their dedupeKey already
 * in the outbox: the notice was written before) is the change itself being fine: returns the
 * items without those puts, to send again. undefined when anything else failed.
 */
export const withoutStoredNotices = (
  layout: WithNotices,
  reasons: readonly CancellationReason[],
): WithNotices | undefined => {
  const failed = reasons.flatMap((reason, i) => (isConditionFailed(reason) ? [i] : []));
  const noticeAt = new Set(layout.notices);
  if (failed.length === 0 || failed.some((i) => !noticeAt.has(i))) return undefined;
  const drop = new Set(failed);
  const kept: TransactItem[] = [];
  const notices: number[] = [];
  layout.items.forEach((item, i) => {
    if (drop.has(i)) return;
    if (noticeAt.has(i)) notices.push(kept.length);
    kept.push(item);
  });
  return { items: kept, notices };
};

/**
 * Sends the transaction; when only notice puts failed (already stored), sends it again without
 * them, so a repeated notice never blocks the change. Any other failure is thrown as is: the
 * change's own items keep their indexes (notices come after them), so its reasons read the same.
 */
export const sendWithNotices = async (ctx: DynamoContext, layout: WithNotices): Promise<void> => {
  let current = layout;
  for (;;) {
    try {
      await ctx.doc.send(new TransactWriteCommand({ TransactItems: current.items }));
      return;
    } catch (error) {
      const reasons = cancellationReasons(error);
      const retry = reasons === undefined ? undefined : withoutStoredNotices(current, reasons);
      if (retry === undefined) throw error;
      current = retry;
    }
  }
};
