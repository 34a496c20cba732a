import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { appError, type CommunicationRepository } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { DynamoContext } from "./client.ts";
import {
  commentFromItem,
  commentToItem,
  updateFromItem,
  updateToItem,
} from "./communication-mapper.ts";
import { conditionalWrite } from "./conditional-write.ts";
import { attempt, queryPage } from "./dynamo-query.ts";
import { communicationKeys } from "./harvest-keys.ts";
import type { Item } from "./item.ts";

const putNew = (ctx: DynamoContext, item: Item, duplicate: () => ReturnType<typeof appError>) =>
  conditionalWrite(
    async () => {
      await ctx.doc.send(
        new PutCommand({
          TableName: ctx.tableName,
          Item: item,
          ConditionExpression: "attribute_not_exists(PK)",
        }),
      );
    },
    () => E.left(duplicate()),
  );

/**
 * Updates and comments, each keyed by its own id (so an id is unique). A plan's updates are read
 * newest first from GSI1 (everything) or GSI2 (public ones only, a sparse index), so the public
 * list never reads, then drops, owners-only items. An update's comments come from GSI1.
 */
export const makeDynamoCommunicationRepository = (ctx: DynamoContext): CommunicationRepository => ({
  addUpdate: (update) =>
    pipe(
      putNew(ctx, updateToItem(update), () =>
        appError("STORE.DUPLICATE", "an update with this id exists", { updateId: update.id }),
      ),
      TE.map(() => update),
    ),
  getUpdate: (id) =>
    pipe(
      attempt(() =>
        ctx.doc.send(
          new GetCommand({
            TableName: ctx.tableName,
            Key: communicationKeys.update(id),
            ConsistentRead: true,
          }),
        ),
      ),
      TE.map((output) => O.map(updateFromItem)(O.fromNullable(output.Item as Item | undefined))),
    ),
  listUpdates: (planId, audience, page) => {
    const index = audience.includeOwnersOnly ? "GSI1" : "GSI2";
    return queryPage(
      ctx,
      {
        IndexName: index,
        KeyConditionExpression: `${index}PK = :pk`,
        ExpressionAttributeValues: {
          ":pk": audience.includeOwnersOnly
            ? communicationKeys.updatesOfPlan(planId)
            : communicationKeys.publicUpdatesOfPlan(planId),
        },
        ScanIndexForward: false,
      },
      page,
      `updates:${planId}:${audience.includeOwnersOnly ? "all" : "public"}`,
      updateFromItem,
    );
  },
  addComment: (comment) =>
    pipe(
      putNew(ctx, commentToItem(comment), () =>
        appError("STORE.DUPLICATE", "a comment with this id exists", { commentId: comment.id }),
      ),
      TE.map(() => comment),
    ),
  listComments: (updateId, page) =>
    queryPage(
      ctx,
      {
        IndexName: "GSI1",
        KeyConditionExpression: "GSI1PK = :pk",
        ExpressionAttributeValues: { ":pk": communicationKeys.commentsOfUpdate(updateId) },
      },
      page,
      `comments:${updateId}`,
      commentFromItem,
    ),
  listCommentsByAuthor: (authorId, page) =>
    queryPage(
      ctx,
      {
        IndexName: "GSI2",
        KeyConditionExpression: "GSI2PK = :pk",
        ExpressionAttributeValues: { ":pk": communicationKeys.commentsOfAuthor(authorId) },
      },
      page,
      `comments-by:${authorId}`,
      commentFromItem,
    ),
  // Only an existing comment is blanked (the condition): erasing never creates an empty item.
  eraseComment: (id) =>
    conditionalWrite(
      async () => {
        await ctx.doc.send(
          new UpdateCommand({
            TableName: ctx.tableName,
            Key: communicationKeys.comment(id),
            UpdateExpression: "SET body = :blank",
            ConditionExpression: "attribute_exists(PK)",
            ExpressionAttributeValues: { ":blank": "" },
          }),
        );
      },
      () => E.right(undefined),
    ),
});
