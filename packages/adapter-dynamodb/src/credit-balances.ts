import { GetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import {
  type AppError,
  type CreditBalances,
  type CreditChange,
  canonicalJson,
  storeErrors,
} from "@owners/app";
import type { OwnerId, ProducerId, Yen } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { DynamoContext } from "./client.ts";
import { creditChangeItem } from "./credit-items.ts";
import {
  cancellationReasons,
  isAppError,
  isConditionFailed,
  storeUnavailable,
} from "./dynamo-errors.ts";
import { attempt, queryAll } from "./dynamo-query.ts";
import type { Item } from "./item.ts";
import { auditEntryToItem, ledgerEntryFromItem, ledgerEntryToItem } from "./ledger-mapper.ts";
import { producersOfPlans } from "./plan-producers.ts";
import { ledgerTallyUpdates } from "./producer-tally-items.ts";
import { creditKeys } from "./reservation-keys.ts";
import { MAX_TRANSACTION_ITEMS, type TransactItem } from "./reservation-transactions.ts";

/** Changes of the same balance summed: one transaction may not touch one item twice. */
const summed = (changes: readonly CreditChange[]): CreditChange[] => {
  const byKey = new Map<string, CreditChange>();
  for (const c of changes) {
    const key = `${c.ownerId}|${c.producerId}`;
    const sum = byKey.get(key);
    byKey.set(key, { ...c, deltaYen: (sum?.deltaYen ?? 0) + c.deltaYen });
  }
  return [...byKey.values()].filter((c) => c.deltaYen !== 0);
};

const balanceOf = (item: Item | undefined) =>
  ((item?.balanceYen as number | undefined) ?? 0) as Yen;

/** CreditBalances on the single table: one item per owner and producer, under the owner. */
export const makeDynamoCreditBalances = (ctx: DynamoContext): CreditBalances => ({
  balance: (ownerId, producerId) =>
    pipe(
      attempt(() =>
        ctx.doc.send(
          new GetCommand({
            TableName: ctx.tableName,
            Key: creditKeys.balance(ownerId, producerId),
            ConsistentRead: true,
          }),
        ),
      ),
      TE.map((out) => balanceOf(out.Item as Item | undefined)),
    ),

  listByOwner: (ownerId) =>
    pipe(
      queryAll(ctx, {
        KeyConditionExpression: "PK = :pk AND begins_with(SK, :prefix)",
        ExpressionAttributeValues: {
          ":pk": creditKeys.balance(ownerId, "").PK,
          ":prefix": creditKeys.balancePrefix,
        },
        ConsistentRead: true,
      }),
      TE.map((items) =>
        items
          .filter((item) => balanceOf(item) !== 0)
          .map((item) => ({
            ownerId: ownerId as OwnerId,
            producerId: item.producerId as ProducerId,
            balanceYen: balanceOf(item),
          }))
          .sort((a, b) => (a.producerId < b.producerId ? -1 : 1)),
      ),
    ),

  record: (command) =>
    TE.tryCatch(
      async () => {
        if (command.entries.length === 0)
          throw storeErrors.invalid("a credit record needs its ledger entries", {});
        const changes = summed(command.changes);
        const producers = await producersOfPlans(
          ctx,
          command.entries.map((e) => e.planId),
        );
        const items: TransactItem[] = [
          ...command.entries.map((entry) => ({
            Put: {
              TableName: ctx.tableName,
              Item: ledgerEntryToItem(entry),
              ConditionExpression: "attribute_not_exists(PK)",
              ReturnValuesOnConditionCheckFailure: "ALL_OLD" as const,
            },
          })),
          ...changes.map((change) => creditChangeItem(ctx.tableName, change)),
          ...command.audit.map((entry) => ({
            Put: { TableName: ctx.tableName, Item: auditEntryToItem(entry) },
          })),
          // The plans' tallies move with the entries (nothing moves when the record is a retry).
          ...ledgerTallyUpdates(
            ctx.tableName,
            command.entries.filter((e) => producers.has(e.planId)),
            (planId) => producers.get(planId) as string,
          ),
        ];
        if (items.length > MAX_TRANSACTION_ITEMS)
          throw storeErrors.invalid("a credit record must fit one transaction", {
            items: items.length,
          });
        try {
          await ctx.doc.send(new TransactWriteCommand({ TransactItems: items }));
        } catch (error) {
          const reasons = cancellationReasons(error);
          if (reasons === undefined) throw error;
          const entryReasons = reasons.slice(0, command.entries.length);
          if (entryReasons.some(isConditionFailed)) {
            // A retry of a record already made: every entry is stored as sent; nothing moves.
            const same = entryReasons.every(
              (r, i) =>
                isConditionFailed(r) &&
                r.item !== undefined &&
                canonicalJson(ledgerEntryFromItem(r.item)) === canonicalJson(command.entries[i]),
            );
            if (same) return;
            throw storeErrors.duplicate("ledger entry", command.entries[0]?.id ?? "");
          }
          const failedChange = reasons
            .slice(command.entries.length, command.entries.length + changes.length)
            .findIndex(isConditionFailed);
          const change = changes[failedChange];
          if (change !== undefined)
            throw storeErrors.creditInsufficient(change.ownerId, change.producerId);
          throw error;
        }
      },
      (error): AppError => (isAppError(error) ? error : storeUnavailable(error)),
    ),
});
