import { PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { type ShipmentRepository, sumBoxesByDay } from "@owners/app";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { markedLotIds } from "./allocation-repository.ts";
import { batchPutAll } from "./batch-write.ts";
import type { DynamoContext } from "./client.ts";
import { attempt, queryAll, queryPage } from "./dynamo-query.ts";
import { lotKeys, shipmentKeys } from "./harvest-keys.ts";
import {
  lotCapacityFromItem,
  lotCapacityToItem,
  shipmentFromItem,
  shipmentToItem,
} from "./shipment-mapper.ts";

/**
 * Shipments in their plan's partition keyed by (lot, ownership): a re-run's put replaces the item
 * and with it the sparse infeasible keys (GSI2). The capacity a lot books is one item per
 * (producer, lot), so the producer's booked days are one Query of a small partition.
 */
export const makeDynamoShipmentRepository = (ctx: DynamoContext): ShipmentRepository => ({
  putShipments: (shipments) => batchPutAll(ctx, shipments.map(shipmentToItem)),
  listByPlan: (planId, page) =>
    queryPage(
      ctx,
      {
        KeyConditionExpression: "PK = :pk",
        ExpressionAttributeValues: { ":pk": shipmentKeys.partition(planId) },
        ConsistentRead: true,
      },
      page,
      `shipments:${planId}`,
      shipmentFromItem,
    ),
  listByOwner: (planId, ownerId, page) =>
    queryPage(
      ctx,
      {
        IndexName: "GSI1",
        KeyConditionExpression: "GSI1PK = :pk",
        ExpressionAttributeValues: { ":pk": shipmentKeys.ofOwner(planId, ownerId) },
      },
      page,
      `shipments:${planId}:owner:${ownerId}`,
      shipmentFromItem,
    ),
  // The owner's shipments of the plan by GSI1, then one update each removing the address.
  eraseAddresses: (planId, ownerId) =>
    pipe(
      queryAll(ctx, {
        IndexName: "GSI1",
        KeyConditionExpression: "GSI1PK = :pk",
        ExpressionAttributeValues: { ":pk": shipmentKeys.ofOwner(planId, ownerId) },
        ProjectionExpression: "PK, SK",
      }),
      TE.chain((items) =>
        attempt(() =>
          Promise.all(
            items.map((item) =>
              ctx.doc.send(
                new UpdateCommand({
                  TableName: ctx.tableName,
                  Key: { PK: item.PK, SK: item.SK },
                  UpdateExpression: "REMOVE address, giftMessage",
                }),
              ),
            ),
          ),
        ),
      ),
      TE.map(() => undefined),
    ),
  listInfeasible: (planId, page) =>
    queryPage(
      ctx,
      {
        IndexName: "GSI2",
        KeyConditionExpression: "GSI2PK = :pk",
        ExpressionAttributeValues: { ":pk": shipmentKeys.infeasible(planId) },
      },
      page,
      `shipments:${planId}:infeasible`,
      shipmentFromItem,
    ),
  putLotCapacity: (producerId, lotId, boxesByDay) =>
    attempt(async () => {
      await ctx.doc.send(
        new PutCommand({
          TableName: ctx.tableName,
          Item: lotCapacityToItem(producerId, lotId, boxesByDay),
        }),
      );
    }),
  capacityUsed: (producerId, exceptLotId) =>
    pipe(
      queryAll(ctx, {
        KeyConditionExpression: "PK = :pk",
        ExpressionAttributeValues: { ":pk": shipmentKeys.capacityPartition(producerId) },
        ConsistentRead: true,
      }),
      TE.map((items) =>
        sumBoxesByDay(
          items
            .map(lotCapacityFromItem)
            .filter((lot) => lot.lotId !== exceptLotId)
            .map((lot) => lot.boxesByDay),
        ),
      ),
    ),
  markLotScheduled: (planId, lot, at) =>
    attempt(async () => {
      await ctx.doc.send(
        new PutCommand({
          TableName: ctx.tableName,
          Item: {
            ...lotKeys.scheduledMark(planId, lot),
            entity: "lotScheduledMark",
            planId,
            lotId: lot,
            at,
          },
        }),
      );
    }),
  scheduledLotIds: (planId) =>
    pipe(
      queryAll(ctx, {
        KeyConditionExpression: "PK = :pk AND begins_with(SK, :prefix)",
        ExpressionAttributeValues: {
          ":pk": lotKeys.partition(planId),
          ":prefix": lotKeys.scheduledPrefix,
        },
        ConsistentRead: true,
      }),
      TE.map((items) => markedLotIds(items, lotKeys.scheduledPrefix)),
    ),
});
