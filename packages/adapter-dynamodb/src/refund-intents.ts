import { GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { type RefundIntentStore, storeErrors } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { DynamoContext } from "./client.ts";
import { conditionalWrite } from "./conditional-write.ts";
import { attempt, queryAll } from "./dynamo-query.ts";
import type { Item } from "./item.ts";
import { refundIntentFromItem, refundIntentToItem } from "./refund-intent-mapper.ts";
import { refundIntentKeys } from "./reservation-keys.ts";

/**
 * Refund intents on the single table (created by the cancellation's transaction, or one by one
 * for shortfall refunds the processor did not confirm).
 */
export const makeDynamoRefundIntents = (ctx: DynamoContext): RefundIntentStore => {
  const { doc, tableName } = ctx;
  return {
    get: (id) =>
      attempt(async () => {
        const output = await doc.send(
          new GetCommand({
            TableName: tableName,
            Key: refundIntentKeys.item(id),
            ConsistentRead: true,
          }),
        );
        return output.Item === undefined
          ? O.none
          : O.some(refundIntentFromItem(output.Item as Item));
      }),
    listByPaymentIntent: (paymentIntentId) =>
      pipe(
        queryAll(ctx, {
          IndexName: "GSI1",
          KeyConditionExpression: "GSI1PK = :pk",
          ExpressionAttributeValues: { ":pk": refundIntentKeys.byPaymentIntent(paymentIntentId) },
        }),
        TE.map((items) => items.map(refundIntentFromItem)),
      ),
    listByPlan: (planId) =>
      pipe(
        queryAll(ctx, {
          IndexName: "GSI2",
          KeyConditionExpression: "GSI2PK = :pk",
          ExpressionAttributeValues: { ":pk": refundIntentKeys.byPlan(planId) },
        }),
        TE.map((items) => items.map(refundIntentFromItem)),
      ),
    listOpen: (limit, afterId) =>
      attempt(async () => {
        const output = await doc.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: "GSI3",
            KeyConditionExpression:
              afterId === undefined ? "GSI3PK = :pk" : "GSI3PK = :pk AND GSI3SK > :after",
            ExpressionAttributeValues: {
              ":pk": refundIntentKeys.open,
              ...(afterId === undefined ? {} : { ":after": afterId }),
            },
            Limit: Math.max(1, limit),
          }),
        );
        return (output.Items ?? []).map((item) => refundIntentFromItem(item as Item));
      }),
    // The first one stored wins: a repeat answers with it (ALL_OLD on the failed condition).
    create: (intent) =>
      conditionalWrite(
        () =>
          doc
            .send(
              new PutCommand({
                TableName: tableName,
                Item: refundIntentToItem(intent),
                ConditionExpression: "attribute_not_exists(PK)",
                ReturnValuesOnConditionCheckFailure: "ALL_OLD",
              }),
            )
            .then(() => intent),
        (old) => E.right(old === undefined ? intent : refundIntentFromItem(old)),
      ),
    save: (intent, expectedVersion) =>
      conditionalWrite(
        () =>
          doc
            .send(
              new PutCommand({
                TableName: tableName,
                Item: refundIntentToItem(intent),
                ConditionExpression: "#version = :expected",
                ExpressionAttributeNames: { "#version": "version" },
                ExpressionAttributeValues: { ":expected": expectedVersion },
              }),
            )
            .then(() => intent),
        () => E.left(storeErrors.versionConflict("refund intent", intent.id)),
      ),
  };
};
