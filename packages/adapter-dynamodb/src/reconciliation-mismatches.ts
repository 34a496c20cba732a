import { DeleteCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { ReconciliationMismatch, ReconciliationMismatches } from "@owners/app";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { DynamoContext } from "./client.ts";
import { attempt, queryAll } from "./dynamo-query.ts";
import { reconciliationKeys } from "./reservation-keys.ts";

/** One small partition: only plans whose books disagree right now are stored. */
export const makeDynamoReconciliationMismatches = (
  ctx: DynamoContext,
): ReconciliationMismatches => ({
  record: (mismatch) =>
    pipe(
      attempt(() =>
        ctx.doc.send(
          new PutCommand({
            TableName: ctx.tableName,
            Item: {
              ...reconciliationKeys.item(mismatch.planId),
              entity: "reconciliationMismatch",
              mismatch,
            },
          }),
        ),
      ),
      TE.map(() => undefined),
    ),
  clear: (planId) =>
    pipe(
      attempt(() =>
        ctx.doc.send(
          new DeleteCommand({ TableName: ctx.tableName, Key: reconciliationKeys.item(planId) }),
        ),
      ),
      TE.map(() => undefined),
    ),
  list: () =>
    pipe(
      queryAll(ctx, {
        KeyConditionExpression: "PK = :pk",
        ExpressionAttributeValues: { ":pk": reconciliationKeys.partition },
      }),
      TE.map((items) => items.map((item) => item.mismatch as ReconciliationMismatch)),
    ),
});
