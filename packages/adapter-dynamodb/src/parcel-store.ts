import { GetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import {
  type AppError,
  appError,
  type ParcelRecord,
  type ParcelStore,
  storeErrors,
} from "@owners/app";
import { countChange, type OutboxMessage } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { batchGetAll } from "./batch-write.ts";
import type { DynamoContext } from "./client.ts";
import { transaction } from "./conditional-write.ts";
import { isConditionFailed } from "./dynamo-errors.ts";
import { attempt, queryPage } from "./dynamo-query.ts";
import { outboxMessageToItem } from "./outbox-mapper.ts";
import { parcelKeys } from "./parcel-keys.ts";
import { parcelCountsFromItem, parcelFromItem, parcelToItem } from "./parcel-mapper.ts";

/** A transaction holds 100 items: 99 parcels and the counts they add to. */
const PARCELS_PER_REGISTER = 99;

const chunks = <T>(list: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) =>
    list.slice(i * size, (i + 1) * size),
  );

/** Another register of the same plan won a race on one of these parcels: read and try again. */
const RACED = "raced";

/**
 * Parcels in their plan's partition with the plan's counts item (see parcel-keys). Registering
 * reads which parcels exist (BatchGet), then puts the others 99 per transaction with the ADD to
 * `total`, each put conditioned on absence: a concurrent register makes the transaction fail
 * whole, and it reads again. A move is one transaction: the parcel at its version, the counts'
 * ADD, and each message put only if its dedupe key is new.
 */
export const makeDynamoParcelStore = (ctx: DynamoContext): ParcelStore => {
  const registerChunk = (planId: string, parcels: readonly ParcelRecord[]) =>
    transaction(
      async () => {
        await ctx.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              ...parcels.map((p) => ({
                Put: {
                  TableName: ctx.tableName,
                  Item: parcelToItem(p),
                  ConditionExpression: "attribute_not_exists(PK)",
                },
              })),
              {
                Update: {
                  TableName: ctx.tableName,
                  Key: parcelKeys.counts(planId),
                  UpdateExpression: "ADD #total :n",
                  ExpressionAttributeNames: { "#total": "total" },
                  ExpressionAttributeValues: { ":n": parcels.length },
                },
              },
            ],
          }),
        );
        return parcels.length;
      },
      (): E.Either<AppError, number> => E.left(appError("STORE.UNAVAILABLE", RACED, {})),
    );

  const registerOnce = (
    planId: string,
    parcels: readonly ParcelRecord[],
  ): TE.TaskEither<AppError, number> =>
    pipe(
      batchGetAll(
        ctx,
        parcels.map((p) => parcelKeys.item(planId, p.id)),
        { projection: "id" },
      ),
      TE.chain((found) => {
        const stored = new Set(found.map((item) => item.id as string));
        const fresh = [
          ...new Map(parcels.filter((p) => !stored.has(p.id)).map((p) => [p.id, p])).values(),
        ];
        return pipe(
          chunks(fresh, PARCELS_PER_REGISTER),
          TE.traverseSeqArray((chunk) => registerChunk(planId, chunk)),
          TE.map((written) => written.reduce((a, b) => a + b, 0)),
        );
      }),
    );

  const register = (
    planId: string,
    parcels: readonly ParcelRecord[],
    tries = 3,
  ): TE.TaskEither<AppError, number> =>
    pipe(
      registerOnce(planId, parcels),
      TE.orElse((error) =>
        error.message === RACED && tries > 1
          ? register(planId, parcels, tries - 1)
          : TE.left(
              error.message === RACED
                ? appError("STORE.UNAVAILABLE", "parcels kept being registered meanwhile", {
                    planId,
                  })
                : error,
            ),
      ),
    );

  const saveProgress = (
    parcel: ParcelRecord,
    expectedVersion: number,
    messages: readonly OutboxMessage[],
  ): TE.TaskEither<AppError, ParcelRecord> => {
    const saved: ParcelRecord = { ...parcel, version: expectedVersion + 1 };
    return transaction(
      async () => {
        const before = await ctx.doc.send(
          new GetCommand({
            TableName: ctx.tableName,
            Key: parcelKeys.item(parcel.planId, parcel.id),
            ConsistentRead: true,
          }),
        );
        // The change is computed from the stored progress; the version condition pins it.
        const change =
          before.Item === undefined
            ? { total: 0, shipped: 0, delivered: 0 }
            : countChange(parcelFromItem(before.Item).progress, parcel.progress);
        await ctx.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: ctx.tableName,
                  Item: parcelToItem(saved),
                  ConditionExpression: "attribute_exists(PK) AND #v = :expected",
                  ExpressionAttributeNames: { "#v": "version" },
                  ExpressionAttributeValues: { ":expected": expectedVersion },
                  ReturnValuesOnConditionCheckFailure: "ALL_OLD",
                },
              },
              {
                Update: {
                  TableName: ctx.tableName,
                  Key: parcelKeys.counts(parcel.planId),
                  UpdateExpression: "ADD #s :s, #d :d",
                  ExpressionAttributeNames: { "#s": "shipped", "#d": "delivered" },
                  ExpressionAttributeValues: { ":s": change.shipped, ":d": change.delivered },
                },
              },
              ...messages.map((message) => ({
                Put: {
                  TableName: ctx.tableName,
                  Item: outboxMessageToItem(message),
                  ConditionExpression: "attribute_not_exists(PK)",
                },
              })),
            ],
          }),
        );
        return saved;
      },
      (reasons) => {
        const [stored, , ...sent] = reasons;
        if (isConditionFailed(stored))
          return E.left(
            stored?.item === undefined
              ? appError("PARCEL.NOT_FOUND", "no such parcel", { parcelId: parcel.id })
              : storeErrors.versionConflict("parcel", parcel.id),
          );
        const duplicate = sent.findIndex(isConditionFailed);
        return E.left(
          appError("STORE.DUPLICATE", "a message with this dedupe key exists", {
            dedupeKey: messages[duplicate]?.dedupeKey,
          }),
        );
      },
    );
  };

  return {
    register: (planId, parcels) =>
      parcels.some((p) => p.planId !== planId)
        ? TE.left(storeErrors.invalid("every parcel must be of the plan", { planId }))
        : register(planId, parcels),
    get: (planId, id) =>
      attempt(async () => {
        const output = await ctx.doc.send(
          new GetCommand({
            TableName: ctx.tableName,
            Key: parcelKeys.item(planId, id),
            ConsistentRead: true,
          }),
        );
        return O.map(parcelFromItem)(O.fromNullable(output.Item));
      }),
    listByPlan: (planId, page) =>
      queryPage(
        ctx,
        {
          KeyConditionExpression: "PK = :pk AND begins_with(SK, :prefix)",
          ExpressionAttributeValues: {
            ":pk": parcelKeys.partition(planId),
            ":prefix": parcelKeys.sortPrefix,
          },
          ConsistentRead: true,
        },
        page,
        `parcels:${planId}`,
        parcelFromItem,
      ),
    listByOwner: (planId, ownerId, page) =>
      queryPage(
        ctx,
        {
          IndexName: "GSI1",
          KeyConditionExpression: "GSI1PK = :pk",
          ExpressionAttributeValues: { ":pk": parcelKeys.ofOwner(planId, ownerId) },
        },
        page,
        `parcels:${planId}:${ownerId}`,
        parcelFromItem,
      ),
    saveProgress,
    counts: (planId) =>
      attempt(async () => {
        const output = await ctx.doc.send(
          new GetCommand({
            TableName: ctx.tableName,
            Key: parcelKeys.counts(planId),
            ConsistentRead: true,
          }),
        );
        return parcelCountsFromItem(output.Item);
      }),
  };
};
