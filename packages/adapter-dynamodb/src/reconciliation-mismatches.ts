import { DeleteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { ReconciliationMismatch, ReconciliationMismatches } from "@owners/app";
import type { Instant } from "@owners/domain";
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
          // detectedAt lives beside the mismatch so that if_not_exists can keep the first one.
          new UpdateCommand({
            TableName: ctx.tableName,
            Key: reconciliationKeys.item(mismatch.planId),
            UpdateExpression:
              "SET entity = :entity, mismatch = :mismatch, detectedAt = if_not_exists(detectedAt, :at)",
            ExpressionAttributeValues: {
              ":entity": "reconciliationMismatch",
              ":mismatch": mismatch,
              ":at": mismatch.detectedAt,
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
      TE.map((items) =>
        items.map(
          (item): ReconciliationMismatch => ({
            ...(item.mismatch as ReconciliationMismatch),
            detectedAt: item.detectedAt as Instant,
          }),
        ),
      ),
    ),
});
