import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { appError, type ProducerApplicationStore } from "@owners/app";
import type { ProducerApplication } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { DynamoContext } from "./client.ts";
import { conditionalWrite } from "./conditional-write.ts";
import { attempt, queryPage } from "./dynamo-query.ts";
import type { Item } from "./item.ts";
import { applicationKeys } from "./people-keys.ts";
import { applicationFromItem, applicationToItem } from "./producer-application-mapper.ts";

/**
 * One item per applicant, in GSI1 under its status (a decision moves it: the put rewrites the
 * index keys). save is a put conditioned on the version read. listByStatus is one Query of GSI1
 * per page, eventually consistent: an application decided a moment ago may still show.
 */
export const makeDynamoProducerApplicationStore = (
  ctx: DynamoContext,
): ProducerApplicationStore => ({
  get: (id) =>
    pipe(
      attempt(() =>
        ctx.doc.send(
          new GetCommand({
            TableName: ctx.tableName,
            Key: applicationKeys.item(id),
            ConsistentRead: true,
          }),
        ),
      ),
      TE.map((output) =>
        O.map(applicationFromItem)(O.fromNullable(output.Item as Item | undefined)),
      ),
    ),
  save: (application, expectedVersion) => {
    const stored: ProducerApplication = { ...application, version: expectedVersion + 1 };
    return conditionalWrite(
      async () => {
        await ctx.doc.send(
          new PutCommand({
            TableName: ctx.tableName,
            Item: applicationToItem(stored),
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
          appError("STORE.VERSION_CONFLICT", "the application changed since it was read", {
            id: application.id,
            expectedVersion,
          }),
        ),
    );
  },
  listByStatus: (status, page) =>
    queryPage(
      ctx,
      {
        IndexName: "GSI1",
        KeyConditionExpression: "GSI1PK = :pk",
        ExpressionAttributeValues: { ":pk": applicationKeys.byStatus(status) },
      },
      page,
      `applications#${status}`,
      applicationFromItem,
    ),
});
