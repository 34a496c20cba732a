import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { appError, type ProducerProfileStore } from "@owners/app";
import type { ProducerId, ProducerProfile } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { batchGetAll } from "./batch-write.ts";
import type { DynamoContext } from "./client.ts";
import { conditionalWrite } from "./conditional-write.ts";
import { attempt, queryPage } from "./dynamo-query.ts";
import { defined, type Item } from "./item.ts";

const key = (id: string) => ({ PK: `PRODUCERPROFILE#${id}`, SK: "PROFILE" });

const toItem = (p: ProducerProfile): Item =>
  defined({
    ...key(p.producerId),
    GSI2PK: "PRODUCERPROFILES",
    GSI2SK: `${p.approvedAt}#${p.producerId}`,
    entity: "producerProfile",
    ...p,
  });

const fromItem = (item: Item): ProducerProfile => {
  const { PK: _pk, SK: _sk, GSI2PK: _g, GSI2SK: _s, entity: _e, ...profile } = item;
  return profile as unknown as ProducerProfile;
};

/**
 * Producer profiles, minimal (so approval can create one): lane E's adapter, with its own keys
 * and listing index, replaces this file at the merge.
 */
export const makeDynamoProducerProfileStore = (ctx: DynamoContext): ProducerProfileStore => ({
  get: (id) =>
    pipe(
      attempt(() =>
        ctx.doc.send(
          new GetCommand({ TableName: ctx.tableName, Key: key(id), ConsistentRead: true }),
        ),
      ),
      TE.map((output) => O.map(fromItem)(O.fromNullable(output.Item as Item | undefined))),
    ),
  save: (profile, expectedVersion) => {
    const stored: ProducerProfile = { ...profile, version: expectedVersion + 1 };
    return conditionalWrite(
      async () => {
        await ctx.doc.send(
          new PutCommand({
            TableName: ctx.tableName,
            Item: toItem(stored),
            ...(expectedVersion === 0
              ? { ConditionExpression: "attribute_not_exists(PK)" }
              : {
                  ConditionExpression: "#version = :expected",
                  ExpressionAttributeNames: { "#version": "version" },
                  ExpressionAttributeValues: { ":expected": expectedVersion },
                }),
          }),
        );
        return stored;
      },
      () =>
        E.left(
          appError("STORE.VERSION_CONFLICT", "the profile changed since it was read", {
            producerId: profile.producerId,
          }),
        ),
    );
  },
  getMany: (ids) =>
    pipe(
      batchGetAll(ctx, [...new Set(ids)].map(key)),
      TE.map(
        (items) => new Map(items.map((item) => [item.producerId as ProducerId, fromItem(item)])),
      ),
    ),
  list: (query) =>
    queryPage(
      ctx,
      {
        IndexName: "GSI2",
        KeyConditionExpression: "GSI2PK = :pk",
        ScanIndexForward: false,
        ...(query.prefecture === undefined && query.category === undefined
          ? { ExpressionAttributeValues: { ":pk": "PRODUCERPROFILES" } }
          : {
              FilterExpression: [
                ...(query.prefecture === undefined ? [] : ["prefecture = :prefecture"]),
                ...(query.category === undefined ? [] : ["contains(categories, :category)"]),
              ].join(" AND "),
              ExpressionAttributeValues: {
                ":pk": "PRODUCERPROFILES",
                ...(query.prefecture === undefined ? {} : { ":prefecture": query.prefecture }),
                ...(query.category === undefined ? {} : { ":category": query.category }),
              },
            }),
      },
      { limit: query.limit, ...(query.cursor === undefined ? {} : { cursor: query.cursor }) },
      `producers#${query.prefecture ?? ""}#${query.category ?? ""}`,
      fromItem,
    ),
});
