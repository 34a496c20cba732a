import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { appError, type BatchCheckpoint, type CheckpointStore } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { batchKeys } from "./batch-keys.ts";
import { checkpointFromItem, checkpointToItem } from "./batch-mappers.ts";
import type { DynamoContext } from "./client.ts";
import { conditionalWrite } from "./conditional-write.ts";
import { attempt } from "./dynamo-query.ts";
import type { Item } from "./item.ts";

/**
 * One item per (batch, scope), replaced by a PutItem conditioned on the version read
 * (`attribute_not_exists(PK)` for the first): two runs cannot both move a checkpoint on, and the
 * one that lost learns it from the failed write's old item.
 */
export const makeDynamoCheckpointStore = (ctx: DynamoContext): CheckpointStore => ({
  get: (batch, scope) =>
    pipe(
      attempt(() =>
        ctx.doc.send(
          new GetCommand({
            TableName: ctx.tableName,
            Key: batchKeys.checkpoint(batch, scope),
            ConsistentRead: true,
          }),
        ),
      ),
      TE.map((output) =>
        O.map(checkpointFromItem)(O.fromNullable(output.Item as Item | undefined)),
      ),
    ),
  save: (checkpoint, expectedVersion) => {
    const saved: BatchCheckpoint = { ...checkpoint, version: expectedVersion + 1 };
    return conditionalWrite(
      async () => {
        await ctx.doc.send(
          new PutCommand({
            TableName: ctx.tableName,
            Item: checkpointToItem(saved),
            ...(expectedVersion === 0
              ? { ConditionExpression: "attribute_not_exists(PK)" }
              : {
                  ConditionExpression: "version = :expected",
                  ExpressionAttributeValues: { ":expected": expectedVersion },
                }),
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          }),
        );
        return saved;
      },
      (old) =>
        E.left(
          appError("STORE.VERSION_CONFLICT", "another run saved this batch's checkpoint", {
            batch: checkpoint.batch,
            scope: checkpoint.scope,
            expectedVersion,
            storedVersion: (old?.version as number | undefined) ?? 0,
          }),
        ),
    );
  },
});
