import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { appError, type OwnerProfile, type OwnerProfileRepository } from "@owners/app";
import type { OwnerId } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { batchGetAll } from "./batch-write.ts";
import type { DynamoContext } from "./client.ts";
import { conditionalWrite, transaction } from "./conditional-write.ts";
import { attempt } from "./dynamo-query.ts";
import { profileKeys } from "./harvest-keys.ts";
import type { Item } from "./item.ts";
import { auditEntryToItem } from "./ledger-mapper.ts";
import { ownerProfileFromItem, ownerProfileToItem } from "./owner-profile-mapper.ts";

/**
 * One item per owner. save is a put conditioned on the version read (attribute_not_exists for
 * the first save): optimistic locking. getMany is BatchGetItem, 100 keys a call.
 */
export const makeDynamoOwnerProfileRepository = (ctx: DynamoContext): OwnerProfileRepository => ({
  get: (ownerId) =>
    pipe(
      attempt(() =>
        ctx.doc.send(
          new GetCommand({
            TableName: ctx.tableName,
            Key: profileKeys.item(ownerId),
            ConsistentRead: true,
          }),
        ),
      ),
      TE.map((output) =>
        O.map(ownerProfileFromItem)(O.fromNullable(output.Item as Item | undefined)),
      ),
    ),
  save: (profile, expectedVersion, audit = []) => {
    const stored: OwnerProfile = { ...profile, version: expectedVersion + 1 };
    const put = {
      TableName: ctx.tableName,
      Item: ownerProfileToItem(stored),
      ...(expectedVersion === 0
        ? { ConditionExpression: "attribute_not_exists(PK)" }
        : {
            ConditionExpression: "#version = :expected",
            ExpressionAttributeNames: { "#version": "version" },
            ExpressionAttributeValues: { ":expected": expectedVersion },
          }),
    };
    const conflict = () =>
      E.left(
        appError("STORE.VERSION_CONFLICT", "the profile changed since it was read", {
          ownerId: profile.ownerId,
          expectedVersion,
        }),
      );
    if (audit.length === 0)
      return conditionalWrite(async () => {
        await ctx.doc.send(new PutCommand(put));
        return stored;
      }, conflict);
    // An address change and its audit entries: one transaction, so neither lands alone.
    return transaction(
      async () => {
        await ctx.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: put },
              ...audit.map((entry) => ({
                Put: {
                  TableName: ctx.tableName,
                  Item: auditEntryToItem(entry),
                  ConditionExpression: "attribute_not_exists(PK)",
                },
              })),
            ],
          }),
        );
        return stored;
      },
      (reasons) =>
        reasons[0]?.code === "ConditionalCheckFailed"
          ? conflict()
          : E.left(appError("STORE.DUPLICATE", "the audit entry is already stored")),
    );
  },
  delete: (ownerId) =>
    pipe(
      attempt(() =>
        ctx.doc.send(
          new DeleteCommand({ TableName: ctx.tableName, Key: profileKeys.item(ownerId) }),
        ),
      ),
      TE.map(() => undefined),
    ),
  getMany: (ownerIds) =>
    pipe(
      batchGetAll(
        ctx,
        [...new Set(ownerIds)].map((ownerId) => profileKeys.item(ownerId)),
      ),
      TE.map(
        (items) =>
          new Map(items.map((item) => [item.ownerId as OwnerId, ownerProfileFromItem(item)])),
      ),
    ),
});
