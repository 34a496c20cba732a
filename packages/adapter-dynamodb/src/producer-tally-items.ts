import type { LedgerEntry, TallyDelta } from "@owners/domain";
import { ledgerTally } from "@owners/domain";
import { planKeys, summaryKeys } from "./reservation-keys.ts";
import type { TransactItem } from "./reservation-transactions.ts";

type Yen = Partial<Record<LedgerEntry["kind"], number>>;

/**
 * The update of a plan's tally: ADD of the deltas (never a read-modify-write, so concurrent
 * writes of the same plan compose), and its GSI1 keys so the producer's Query finds it.
 */
export const planTallyUpdate = (
  tableName: string,
  producerId: string,
  planId: string,
  delta: Partial<TallyDelta>,
  yen: Yen,
): TransactItem => {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {
    ":pk": planKeys.byProducer(producerId),
    ":sk": summaryKeys.planSort(planId),
    ":entity": "plan-tally",
    ":planId": planId,
  };
  const adds: string[] = [];
  for (const [name, value] of Object.entries(delta)) {
    if (value === undefined || value === 0) continue;
    adds.push(`${name} :${name}`);
    values[`:${name}`] = value;
  }
  for (const [kind, value] of Object.entries(yen)) {
    if (value === undefined || value === 0) continue;
    // Ledger kinds are attribute names: "yen_charge", "yen_refund", …
    names[`#y_${kind}`] = `yen_${kind}`;
    values[`:y_${kind}`] = value;
    adds.push(`#y_${kind} :y_${kind}`);
  }
  return {
    Update: {
      TableName: tableName,
      Key: summaryKeys.plan(planId),
      UpdateExpression: `SET GSI1PK = :pk, GSI1SK = :sk, entity = :entity, planId = :planId${
        adds.length > 0 ? ` ADD ${adds.join(", ")}` : ""
      }`,
      ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
      ExpressionAttributeValues: values,
    },
  };
};

/** The shares of one plan reserved on one Japanese calendar day. */
export const dayTallyUpdate = (
  tableName: string,
  producerId: string,
  planId: string,
  day: string,
  shares: number,
): TransactItem => ({
  Update: {
    TableName: tableName,
    Key: summaryKeys.day(planId, day),
    UpdateExpression:
      "SET GSI1PK = :pk, GSI1SK = :sk, entity = :entity, planId = :planId, #day = :day ADD shares :n",
    ExpressionAttributeNames: { "#day": "day" },
    ExpressionAttributeValues: {
      ":pk": planKeys.byProducer(producerId),
      ":sk": summaryKeys.daySort(planId, day),
      ":entity": "day-tally",
      ":planId": planId,
      ":day": day,
      ":n": shares,
    },
  },
});

/**
 * The owner's count of active plans at the producer, set on the condition that it is still what
 * was read: the owners and repeat-owner deltas were computed from it.
 */
export const producerPlansUpdate = (
  tableName: string,
  ownerId: string,
  producerId: string,
  before: number | undefined,
  after: number,
): TransactItem => ({
  Update: {
    TableName: tableName,
    Key: summaryKeys.producerPlans(ownerId, producerId),
    UpdateExpression: "SET activePlans = :after, ownerId = :owner, producerId = :producer",
    ConditionExpression:
      before === undefined ? "attribute_not_exists(activePlans)" : "activePlans = :before",
    ExpressionAttributeValues: {
      ":after": after,
      ":owner": ownerId,
      ":producer": producerId,
      ...(before === undefined ? {} : { ":before": before }),
    },
  },
});

/** One tally update per plan for appended ledger entries (each plan's item once per transaction). */
export const ledgerTallyUpdates = (
  tableName: string,
  entries: readonly LedgerEntry[],
  producerOf: (planId: string) => string,
): TransactItem[] =>
  [...ledgerTally(entries)].map(([planId, yen]) =>
    planTallyUpdate(tableName, producerOf(planId), planId, {}, yen),
  );
