import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import {
  type AppError,
  appError,
  type Lease,
  type LeaseStore,
  leaseHeldDetails,
} from "@owners/app";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { batchKeys } from "./batch-keys.ts";
import { leaseFromItem, leaseGarbageEpoch, leaseToItem } from "./batch-mappers.ts";
import type { DynamoContext } from "./client.ts";
import { conditionalWrite } from "./conditional-write.ts";
import { attempt } from "./dynamo-query.ts";
import type { Item } from "./item.ts";

const held = (old: Item | undefined, batch: string, scope: string): E.Either<AppError, never> =>
  E.left(
    appError(
      "BATCH.LEASE_HELD",
      `another run holds ${batch} for ${scope}`,
      leaseHeldDetails(old === undefined ? undefined : leaseFromItem(old), batch, scope),
    ),
  );

/**
 * One lease item per (batch, scope) beside its checkpoint. Taking it is a PutItem that succeeds
 * only if no lease is stored, the stored one expired, or it is the taker's own; renewing and
 * releasing are conditioned on the owner. Instants are compared as strings (canonical ISO form
 * sorts in time order). A stale lease also carries a TTL, only to collect garbage.
 */
export const makeDynamoLeaseStore = (ctx: DynamoContext): LeaseStore => ({
  acquire: (batch, scope, owner, now, expiresAt) => {
    const lease: Lease = { batch, scope, owner, acquiredAt: now, expiresAt };
    return conditionalWrite(
      async () => {
        await ctx.doc.send(
          new PutCommand({
            TableName: ctx.tableName,
            Item: leaseToItem(lease),
            ConditionExpression:
              "attribute_not_exists(PK) OR #expiresAt <= :now OR #owner = :owner",
            ExpressionAttributeNames: { "#expiresAt": "expiresAt", "#owner": "owner" },
            ExpressionAttributeValues: { ":now": now, ":owner": owner },
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          }),
        );
        return lease;
      },
      (old) => held(old, batch, scope),
    );
  },
  renew: (batch, scope, owner, expiresAt) =>
    conditionalWrite(
      async () => {
        const output = await ctx.doc.send(
          new UpdateCommand({
            TableName: ctx.tableName,
            Key: batchKeys.lease(batch, scope),
            UpdateExpression: "SET #expiresAt = :expiresAt, #ttl = :ttl",
            ConditionExpression: "attribute_exists(PK) AND #owner = :owner",
            ExpressionAttributeNames: {
              "#expiresAt": "expiresAt",
              "#ttl": "expiresAtEpoch",
              "#owner": "owner",
            },
            ExpressionAttributeValues: {
              ":expiresAt": expiresAt,
              ":ttl": leaseGarbageEpoch(expiresAt),
              ":owner": owner,
            },
            ReturnValues: "ALL_NEW",
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          }),
        );
        return leaseFromItem(output.Attributes as Item);
      },
      (old) => held(old, batch, scope),
    ),
  release: (batch, scope, owner) =>
    conditionalWrite(
      async () => {
        await ctx.doc.send(
          new DeleteCommand({
            TableName: ctx.tableName,
            Key: batchKeys.lease(batch, scope),
            ConditionExpression: "#owner = :owner",
            ExpressionAttributeNames: { "#owner": "owner" },
            ExpressionAttributeValues: { ":owner": owner },
          }),
        );
      },
      // Not (or no longer) ours: nothing to give up.
      () => E.right(undefined),
    ),
  get: (batch, scope) =>
    pipe(
      attempt(() =>
        ctx.doc.send(
          new GetCommand({
            TableName: ctx.tableName,
            Key: batchKeys.lease(batch, scope),
            ConsistentRead: true,
          }),
        ),
      ),
      TE.map((output) => O.map(leaseFromItem)(O.fromNullable(output.Item as Item | undefined))),
    ),
});
