import { GetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { FollowStore } from "@owners/app";
import type { Follow, Instant, OwnerId, ProducerId } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { DynamoContext } from "./client.ts";
import { transaction } from "./conditional-write.ts";
import { attempt, queryPage } from "./dynamo-query.ts";
import type { Item } from "./item.ts";
import { followKeys } from "./people-keys.ts";

const followFromItem = (item: Item): Follow => ({
  ownerId: item.ownerId as OwnerId,
  producerId: item.producerId as ProducerId,
  followedAt: item.followedAt as Instant,
});

/** The count update in a follow or unfollow transaction (+1 or -1). */
const countMove = (ctx: DynamoContext, producerId: string, by: 1 | -1) => ({
  Update: {
    TableName: ctx.tableName,
    Key: followKeys.count(producerId),
    UpdateExpression: "ADD followers :by SET entity = :entity, producerId = :producer",
    ExpressionAttributeValues: { ":by": by, ":entity": "followerCount", ":producer": producerId },
  },
});

/**
 * A follow is an item in the producer's followers partition (listed when it publishes), indexed
 * on GSI1 by owner (GET /me/follows). Each follow and unfollow moves the producer's count item in
 * the same transaction, guarded by the follow item's existence, so the count is exact and
 * `countFor` is one GetItem.
 */
export const makeDynamoFollowStore = (ctx: DynamoContext): FollowStore => ({
  follow: (follow) =>
    transaction(
      async () => {
        await ctx.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: ctx.tableName,
                  Item: {
                    ...followKeys.item(follow.producerId, follow.ownerId),
                    GSI1PK: followKeys.byOwner(follow.ownerId),
                    GSI1SK: followKeys.byOwnerSort(follow.followedAt, follow.producerId),
                    entity: "follow",
                    ownerId: follow.ownerId,
                    producerId: follow.producerId,
                    followedAt: follow.followedAt,
                  },
                  ConditionExpression: "attribute_not_exists(PK)",
                },
              },
              countMove(ctx, follow.producerId, 1),
            ],
          }),
        );
        return "followed" as const;
      },
      () => E.right("already" as const),
    ),
  unfollow: (ownerId, producerId) =>
    transaction(
      async () => {
        await ctx.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Delete: {
                  TableName: ctx.tableName,
                  Key: followKeys.item(producerId, ownerId),
                  ConditionExpression: "attribute_exists(PK)",
                },
              },
              countMove(ctx, producerId, -1),
            ],
          }),
        );
        return "unfollowed" as const;
      },
      () => E.right("not-following" as const),
    ),
  isFollowing: (ownerId, producerId) =>
    pipe(
      attempt(() =>
        ctx.doc.send(
          new GetCommand({ TableName: ctx.tableName, Key: followKeys.item(producerId, ownerId) }),
        ),
      ),
      TE.map((out) => out.Item !== undefined),
    ),
  countFor: (producerId) =>
    pipe(
      attempt(() =>
        ctx.doc.send(
          new GetCommand({ TableName: ctx.tableName, Key: followKeys.count(producerId) }),
        ),
      ),
      TE.map((out) => Math.max(0, (out.Item?.followers as number | undefined) ?? 0)),
    ),
  listByOwner: (ownerId, page) =>
    queryPage(
      ctx,
      {
        IndexName: "GSI1",
        KeyConditionExpression: "GSI1PK = :pk",
        ExpressionAttributeValues: { ":pk": followKeys.byOwner(ownerId) },
        ScanIndexForward: false,
      },
      page,
      `follows:${ownerId}`,
      followFromItem,
    ),
  listFollowers: (producerId, page) =>
    queryPage(
      ctx,
      {
        KeyConditionExpression: "PK = :pk",
        ExpressionAttributeValues: { ":pk": followKeys.followersPartition(producerId) },
      },
      page,
      `followers:${producerId}`,
      followFromItem,
    ),
});
