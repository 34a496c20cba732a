import { GetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { appError, type HarvestRepository } from "@owners/app";
import { byLotOrder, harvestCompleteError } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { DynamoContext } from "./client.ts";
import { transaction } from "./conditional-write.ts";
import { isConditionFailed } from "./dynamo-errors.ts";
import { attempt, queryAll } from "./dynamo-query.ts";
import { lotKeys } from "./harvest-keys.ts";
import { harvestLotFromItem, harvestLotToItem } from "./harvest-lot-mapper.ts";
import type { Item } from "./item.ts";
import { auditEntryToItem } from "./ledger-mapper.ts";
import { planKeys } from "./reservation-keys.ts";

/**
 * Harvest lots in their plan's lot partition: add is a conditional put (attribute_not_exists)
 * checked against the plan's completion in one transaction,
 * get a GetItem, listByPlan one Query (a plan has tens of lots), sorted in lot order here.
 */
export const makeDynamoHarvestRepository = (ctx: DynamoContext): HarvestRepository => ({
  // One TransactWriteItems: the lot first (its failed condition: a duplicate), then the check
  // that its plan's harvest is not declared complete (a completion committed between the use
  // case's read and this write settled the harvest without the lot), then the audit entries.
  add: (lot, audit = []) =>
    transaction(
      async () => {
        await ctx.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: ctx.tableName,
                  Item: harvestLotToItem(lot),
                  ConditionExpression: "attribute_not_exists(PK)",
                },
              },
              {
                ConditionCheck: {
                  TableName: ctx.tableName,
                  Key: planKeys.item(lot.planId),
                  ConditionExpression: "attribute_not_exists(harvestCompletedAt)",
                  ReturnValuesOnConditionCheckFailure: "ALL_OLD",
                },
              },
              ...audit.map((entry) => ({
                Put: {
                  TableName: ctx.tableName,
                  Item: auditEntryToItem(entry),
                  ConditionExpression: "attribute_not_exists(PK)",
                },
              })),
            ],
          }),
        );
        return lot;
      },
      (reasons) =>
        E.left(
          isConditionFailed(reasons[0])
            ? appError("STORE.DUPLICATE", "a lot with this id exists", { lotId: lot.id })
            : isConditionFailed(reasons[1])
              ? harvestCompleteError(lot.planId, reasons[1]?.item?.harvestCompletedAt as string)
              : appError("STORE.DUPLICATE", "an audit entry with this id exists", {
                  lotId: lot.id,
                }),
        ),
    ),
  get: (planId, lotId) =>
    pipe(
      attempt(() =>
        ctx.doc.send(
          new GetCommand({
            TableName: ctx.tableName,
            Key: lotKeys.item(planId, lotId),
            ConsistentRead: true,
          }),
        ),
      ),
      TE.map((output) =>
        O.map(harvestLotFromItem)(O.fromNullable(output.Item as Item | undefined)),
      ),
    ),
  listByPlan: (planId) =>
    pipe(
      queryAll(ctx, {
        KeyConditionExpression: "PK = :pk AND begins_with(SK, :prefix)",
        ExpressionAttributeValues: {
          ":pk": lotKeys.partition(planId),
          ":prefix": lotKeys.itemPrefix,
        },
        ConsistentRead: true,
      }),
      TE.map((items) => items.map(harvestLotFromItem).sort(byLotOrder)),
    ),
});
