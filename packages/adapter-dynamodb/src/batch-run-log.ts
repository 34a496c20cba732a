import { PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { type BatchRunLog, MAX_RECENT_RUNS } from "@owners/app";
import * as TE from "fp-ts/lib/TaskEither.js";
import { batchKeys } from "./batch-keys.ts";
import { runRecordFromItem, runRecordToItem } from "./batch-mappers.ts";
import type { DynamoContext } from "./client.ts";
import { attempt } from "./dynamo-query.ts";
import type { Item } from "./item.ts";

/**
 * Run records under `BATCHRUNS#<batch>`, sorted by start time: a run's record is replaced by a
 * PutItem (same key all its life), the recent runs are one Query read backwards.
 */
export const makeDynamoBatchRunLog = (ctx: DynamoContext): BatchRunLog => ({
  record: (run) =>
    TE.map(() => undefined)(
      attempt(() =>
        ctx.doc.send(new PutCommand({ TableName: ctx.tableName, Item: runRecordToItem(run) })),
      ),
    ),
  recent: (batch, limit) =>
    TE.map((output: { Items?: Record<string, unknown>[] }) =>
      (output.Items ?? []).map((item) => runRecordFromItem(item as Item)),
    )(
      attempt(() =>
        ctx.doc.send(
          new QueryCommand({
            TableName: ctx.tableName,
            KeyConditionExpression: "PK = :pk",
            ExpressionAttributeValues: { ":pk": batchKeys.runs(batch) },
            ScanIndexForward: false,
            Limit: Math.max(1, Math.min(limit, MAX_RECENT_RUNS)),
          }),
        ),
      ),
    ),
});
