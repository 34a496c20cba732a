import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { AllocationRepository } from "@owners/app";
import { type LotId, lotId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { allocationSummaryFromItem, allocationSummaryToItem } from "./allocation-summary-mapper.ts";
import { batchPutAll } from "./batch-write.ts";
import type { DynamoContext } from "./client.ts";
import { attempt, queryAll, queryPage } from "./dynamo-query.ts";
import { allocationKeys, lotKeys } from "./harvest-keys.ts";
import type { Item } from "./item.ts";
import { lotAllocationFromItem, lotAllocationToItem } from "./lot-allocation-mapper.ts";

/** Ids from the marks' sort keys (`ALLOCATED#lot_1` -> `lot_1`), in id order. */
export const markedLotIds = (items: readonly Item[], prefix: string): LotId[] =>
  items.map((item) => lotId((item.SK as string).slice(prefix.length))).sort();

/**
 * Lot allocations (one partition per lot) and summaries (one partition per plan, GSI1 per owner).
 * Both are derived data written whole with BatchWriteItem in chunks of 25, resending unprocessed
 * items: re-writing identical items is harmless, which is what makes the batch resumable.
 */
export const makeDynamoAllocationRepository = (ctx: DynamoContext): AllocationRepository => ({
  putLotAllocations: (records) => batchPutAll(ctx, records.map(lotAllocationToItem)),
  markLotAllocated: (planId, lot, at) =>
    attempt(async () => {
      await ctx.doc.send(
        new PutCommand({
          TableName: ctx.tableName,
          Item: {
            ...lotKeys.allocatedMark(planId, lot),
            entity: "lotAllocatedMark",
            planId,
            lotId: lot,
            at,
          },
        }),
      );
    }),
  allocatedLotIds: (planId) =>
    pipe(
      queryAll(ctx, {
        KeyConditionExpression: "PK = :pk AND begins_with(SK, :prefix)",
        ExpressionAttributeValues: {
          ":pk": lotKeys.partition(planId),
          ":prefix": lotKeys.allocatedPrefix,
        },
        ConsistentRead: true,
      }),
      TE.map((items) => markedLotIds(items, lotKeys.allocatedPrefix)),
    ),
  listLotAllocations: (planId, lot, page) =>
    queryPage(
      ctx,
      {
        KeyConditionExpression: "PK = :pk",
        ExpressionAttributeValues: { ":pk": allocationKeys.lotPartition(planId, lot) },
        ConsistentRead: true,
      },
      page,
      `lot-allocations:${planId}:${lot}`,
      lotAllocationFromItem,
    ),
  putSummaries: (summaries) => batchPutAll(ctx, summaries.map(allocationSummaryToItem)),
  getSummary: (planId, ownershipId) =>
    pipe(
      attempt(() =>
        ctx.doc.send(
          new GetCommand({
            TableName: ctx.tableName,
            Key: allocationKeys.summaryItem(planId, ownershipId),
            ConsistentRead: true,
          }),
        ),
      ),
      TE.map((output) =>
        O.map(allocationSummaryFromItem)(O.fromNullable(output.Item as Item | undefined)),
      ),
    ),
  listSummaries: (planId, page) =>
    queryPage(
      ctx,
      {
        KeyConditionExpression: "PK = :pk",
        ExpressionAttributeValues: { ":pk": allocationKeys.summaryPartition(planId) },
        ConsistentRead: true,
      },
      page,
      `allocation-summaries:${planId}`,
      allocationSummaryFromItem,
    ),
  listSummariesByOwner: (planId, ownerId) =>
    pipe(
      queryAll(ctx, {
        IndexName: "GSI1",
        KeyConditionExpression: "GSI1PK = :pk",
        ExpressionAttributeValues: { ":pk": allocationKeys.summariesOfOwner(planId, ownerId) },
      }),
      TE.map((items) => items.map(allocationSummaryFromItem)),
    ),
});
