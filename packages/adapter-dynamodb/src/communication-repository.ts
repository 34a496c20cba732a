import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { appError, type CommunicationRepository, type HideCommentCommand } from "@owners/app";
import { domainError, type UpdateComment } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { DynamoContext } from "./client.ts";
import {
  commentFromItem,
  commentHidingAttributes,
  commentToItem,
  updateFromItem,
  updateToItem,
} from "./communication-mapper.ts";
import { conditionalWrite, transaction } from "./conditional-write.ts";
import { isConditionFailed } from "./dynamo-errors.ts";
import { attempt, queryPage } from "./dynamo-query.ts";
import { setExpression } from "./dynamo-write.ts";
import { communicationKeys } from "./harvest-keys.ts";
import type { Item } from "./item.ts";
import { auditEntryToItem } from "./ledger-mapper.ts";
import { outboxMessageToItem } from "./outbox-mapper.ts";

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
 * Hiding a comment is one TransactWriteItems: the comment, present and not hidden yet, gets its
 * moderation attributes; the author's message is put (first per dedupe key) with the audit
 * entries. ALL_OLD on the comment tells a missing comment from one hidden meanwhile.
 */
const hideTransaction = (ctx: DynamoContext, command: HideCommentCommand) => {
  const { comment } = command;
  if (comment.hidden === undefined)
    return TE.left(
      domainError("COMMUNICATION.INVALID", "the comment to store is not hidden", {
        commentId: comment.id,
      }),
    );
  const set = setExpression(commentHidingAttributes(comment.hidden), "h");
  return transaction(
    async (): Promise<UpdateComment> => {
      await ctx.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: ctx.tableName,
                Key: communicationKeys.comment(comment.id),
                UpdateExpression: set.expression,
                ConditionExpression: "attribute_exists(PK) AND attribute_not_exists(hiddenAt)",
                ExpressionAttributeNames: set.names,
                ExpressionAttributeValues: set.values,
                ReturnValuesOnConditionCheckFailure: "ALL_OLD",
              },
            },
            {
              Put: {
                TableName: ctx.tableName,
                Item: outboxMessageToItem(command.message),
                ConditionExpression: "attribute_not_exists(PK)",
              },
            },
            ...command.audit.map((entry) => ({
              Put: { TableName: ctx.tableName, Item: auditEntryToItem(entry) },
            })),
          ],
        }),
      );
      return comment;
    },
    (reasons) => {
      const [stored, message] = reasons;
      if (isConditionFailed(stored))
        return E.left(
          stored?.item === undefined
            ? appError("COMMENT.NOT_FOUND", "no comment with this id", { commentId: comment.id })
            : domainError("COMMENT.ALREADY_HIDDEN", "the comment is hidden already", {
                commentId: comment.id,
              }),
        );
      if (isConditionFailed(message))
        return E.left(
          appError("STORE.DUPLICATE", "a message with this dedupe key exists", {
            dedupeKey: command.message.dedupeKey,
          }),
        );
      return E.left(appError("STORE.UNAVAILABLE", "the hide was cancelled", {}));
    },
  );
};

/**
 * Updates and comments, each keyed by its own id (so an id is unique). A plan's updates are read
 * newest first from GSI1 (everything) or GSI2 (public ones only, a sparse index), so the public
 * list never reads, then drops, owners-only items. An update's comments come from GSI1 (hidden
 * ones filtered out, a rare case, for everyone but admins); every comment, newest first, from
 * GSI2 `COMMENTS`.
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
  listComments: (updateId, page, audience = { includeHidden: false }) =>
    queryPage(
      ctx,
      {
        IndexName: "GSI1",
        KeyConditionExpression: "GSI1PK = :pk",
        ExpressionAttributeValues: { ":pk": communicationKeys.commentsOfUpdate(updateId) },
        ...(audience.includeHidden ? {} : { FilterExpression: "attribute_not_exists(hiddenAt)" }),
      },
      page,
      `comments:${updateId}:${audience.includeHidden ? "all" : "listed"}`,
      commentFromItem,
    ),
  getComment: (id) =>
    pipe(
      attempt(() =>
        ctx.doc.send(
          new GetCommand({
            TableName: ctx.tableName,
            Key: communicationKeys.comment(id),
            ConsistentRead: true,
          }),
        ),
      ),
      TE.map((output) => O.map(commentFromItem)(O.fromNullable(output.Item as Item | undefined))),
    ),
  listRecentComments: (page) =>
    queryPage(
      ctx,
      {
        IndexName: "GSI2",
        KeyConditionExpression: "GSI2PK = :pk",
        ExpressionAttributeValues: { ":pk": communicationKeys.allComments },
        ScanIndexForward: false,
      },
      page,
      "comments:recent",
      commentFromItem,
    ),
  hideComment: (command) => hideTransaction(ctx, command),
  listCommentsByAuthor: (authorId, page) =>
    queryPage(
      ctx,
      {
        IndexName: "GSI3",
        KeyConditionExpression: "GSI3PK = :pk",
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
