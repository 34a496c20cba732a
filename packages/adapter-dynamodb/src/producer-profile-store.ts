import { GetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { type AppError, appError, type ProducerProfileStore } from "@owners/app";
import type { ProducerId, ProducerProfile } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { batchGetAll } from "./batch-write.ts";
import type { DynamoContext } from "./client.ts";
import { transaction } from "./conditional-write.ts";
import { attempt, queryPage } from "./dynamo-query.ts";
import type { Item } from "./item.ts";
import { producerProfileKeys } from "./people-keys.ts";
import {
  listingFilters,
  producerProfileAttributes,
  producerProfileFromItem,
} from "./producer-profile-mapper.ts";

const listingKeyOf =
  (p: Pick<ProducerProfile, "approvedAt" | "producerId">) =>
  (filter: { readonly prefecture?: string; readonly category?: string }) => ({
    PK: producerProfileKeys.listing(filter),
    SK: producerProfileKeys.listingSort(p.approvedAt, p.producerId),
  });

const listingKeys = (p: ProducerProfile) => listingFilters(p).map(listingKeyOf(p));

const sameKey = (a: { PK: string; SK: string }) => (b: { PK: string; SK: string }) =>
  a.PK === b.PK && a.SK === b.SK;

/**
 * One profile item per producer plus a copy in each listing partition it matches (all, its
 * prefecture, each category, each prefecture × category): every filter of the list is one Query
 * on the table, most recently approved first. A save is one transaction: the profile put guarded
 * by its version, the copies put, copies of partitions it left deleted. With at most 8 categories
 * that is ≤ 19 puts and ≤ 18 deletes, inside the 100-item transaction limit.
 */
export const makeDynamoProducerProfileStore = (ctx: DynamoContext): ProducerProfileStore => {
  const read = (id: ProducerId): TE.TaskEither<AppError, O.Option<ProducerProfile>> =>
    pipe(
      attempt(() =>
        ctx.doc.send(
          new GetCommand({
            TableName: ctx.tableName,
            Key: producerProfileKeys.item(id),
            ConsistentRead: true,
          }),
        ),
      ),
      TE.map((out) => O.map(producerProfileFromItem)(O.fromNullable(out.Item as Item | undefined))),
    );

  const conflict = (profile: ProducerProfile, expectedVersion: number) =>
    appError("STORE.VERSION_CONFLICT", "the producer profile changed since it was read", {
      producerId: profile.producerId,
      expectedVersion,
    });

  return {
    get: read,
    save: (profile, expectedVersion) => {
      const stored: ProducerProfile = { ...profile, version: expectedVersion + 1 };
      return pipe(
        read(profile.producerId),
        TE.chain((before) => {
          const storedVersion = O.isSome(before) ? before.value.version : 0;
          if (storedVersion !== expectedVersion)
            return TE.left<AppError, ProducerProfile>(conflict(profile, expectedVersion));
          const next = listingKeys(stored);
          const gone = O.isSome(before)
            ? listingKeys(before.value).filter((k) => !next.some(sameKey(k)))
            : [];
          const attributes = producerProfileAttributes(stored);
          return transaction(
            async () => {
              await ctx.doc.send(
                new TransactWriteCommand({
                  TransactItems: [
                    {
                      Put: {
                        TableName: ctx.tableName,
                        Item: {
                          ...producerProfileKeys.item(stored.producerId),
                          entity: "producerProfile",
                          ...attributes,
                        },
                        ...(expectedVersion === 0
                          ? { ConditionExpression: "attribute_not_exists(PK)" }
                          : {
                              ConditionExpression: "#version = :expected",
                              ExpressionAttributeNames: { "#version": "version" },
                              ExpressionAttributeValues: { ":expected": expectedVersion },
                            }),
                      },
                    },
                    ...next.map((key) => ({
                      Put: {
                        TableName: ctx.tableName,
                        Item: { ...key, entity: "producerListing", ...attributes },
                      },
                    })),
                    ...gone.map((key) => ({ Delete: { TableName: ctx.tableName, Key: key } })),
                  ],
                }),
              );
              return stored;
            },
            () => E.left(conflict(profile, expectedVersion)),
          );
        }),
      );
    },
    getMany: (ids) =>
      pipe(
        // The producer cards of a page of plans: a profile edited a moment ago may show its old
        // name for that moment, and the read costs half (it is on every plan page's path).
        batchGetAll(
          ctx,
          [...new Set(ids)].map((id) => producerProfileKeys.item(id)),
          { consistent: false },
        ),
        TE.map(
          (items) =>
            new Map(
              items.map((item) => [item.producerId as ProducerId, producerProfileFromItem(item)]),
            ),
        ),
      ),
    list: ({ prefecture, category, cursor, limit }) => {
      const filter = {
        ...(prefecture === undefined ? {} : { prefecture }),
        ...(category === undefined ? {} : { category }),
      };
      return queryPage(
        ctx,
        {
          KeyConditionExpression: "PK = :pk",
          ExpressionAttributeValues: { ":pk": producerProfileKeys.listing(filter) },
          ScanIndexForward: false,
        },
        cursor === undefined ? { limit } : { limit, cursor },
        `producers:${JSON.stringify([prefecture ?? null, category ?? null])}`,
        producerProfileFromItem,
      );
    },
    remove: (id) =>
      pipe(
        read(id),
        TE.chain(
          O.match(
            () => TE.right<AppError, void>(undefined),
            (before) =>
              attempt(async () => {
                await ctx.doc.send(
                  new TransactWriteCommand({
                    TransactItems: [producerProfileKeys.item(id), ...listingKeys(before)].map(
                      (key) => ({ Delete: { TableName: ctx.tableName, Key: key } }),
                    ),
                  }),
                );
              }),
          ),
        ),
      ),
  };
};
