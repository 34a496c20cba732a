import { GetCommand, PutCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { appError, type HarvestRepository } from "@owners/app";
import { byLotOrder } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { DynamoContext } from "./client.ts";
import { conditionalWrite, transaction } from "./conditional-write.ts";
import { isConditionFailed } from "./dynamo-errors.ts";
import { attempt, queryAll } from "./dynamo-query.ts";
import { lotKeys } from "./harvest-keys.ts";
import { harvestLotFromItem, harvestLotToItem } from "./harvest-lot-mapper.ts";
import type { Item } from "./item.ts";
import { auditEntryToItem } from "./ledger-mapper.ts";

/**
 * Harvest lots in their plan's lot partition: add is a conditional put (attribute_not_exists),
 * get a GetItem, listByPlan one Query (a plan has tens of lots), sorted in lot order here.
 */
export const makeDynamoHarvestRepository = (ctx: DynamoContext): HarvestRepository => ({
  // With audit entries: one TransactWriteItems, the lot first (its failed condition: a duplicate).
  add: (lot, audit = []) =>
    audit.length > 0
      ? transaction(
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
                : appError("STORE.DUPLICATE", "an audit entry with this id exists", {
                    lotId: lot.id,
                  }),
            ),
        )
      : conditionalWrite(
          async () => {
            await ctx.doc.send(
              new PutCommand({
                TableName: ctx.tableName,
                Item: harvestLotToItem(lot),
                ConditionExpression: "attribute_not_exists(PK)",
              }),
            );
            return lot;
          },
          () => E.left(appError("STORE.DUPLICATE", "a lot with this id exists", { lotId: lot.id })),
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
