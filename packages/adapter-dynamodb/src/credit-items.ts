import type { CreditChange, CreditSpend } from "@owners/app";
import { creditKeys } from "./reservation-keys.ts";
import type { TransactItem } from "./reservation-transactions.ts";

/**
 * One balance move as a transaction item. A decrement carries the condition that the balance
 * covers it (a balance never goes below 0, however many spends race); an increment creates the
 * balance if it is the first credit.
 */
export const creditChangeItem = (tableName: string, change: CreditChange): TransactItem => ({
  Update: {
    TableName: tableName,
    Key: creditKeys.balance(change.ownerId, change.producerId),
    UpdateExpression:
      "SET balanceYen = if_not_exists(balanceYen, :zero) + :delta, ownerId = :owner, producerId = :producer, entity = :entity",
    ...(change.deltaYen < 0 ? { ConditionExpression: "balanceYen >= :need" } : {}),
    ExpressionAttributeValues: {
      ":zero": 0,
      ":delta": change.deltaYen,
      ":owner": change.ownerId,
      ":producer": change.producerId,
      ":entity": "creditBalance",
      ...(change.deltaYen < 0 ? { ":need": -change.deltaYen } : {}),
    },
  },
});

export const creditSpendItem = (tableName: string, spend: CreditSpend, sign: 1 | -1) =>
  creditChangeItem(tableName, { ...spend, deltaYen: sign * spend.amountYen });
