import { DeleteCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { ProcessedEvents } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { DynamoContext } from "./client.ts";
import { conditionalWrite } from "./conditional-write.ts";
import { attempt } from "./dynamo-query.ts";

/** One item per processor event id; the table's TTL removes it after the retry window. */
export const processedEventKey = (eventId: string) => ({ PK: `EVENT#${eventId}`, SK: "EVENT" });

/** A conditional put: the first delivery of an event id writes it, every later one is told so. */
export const makeDynamoProcessedEvents = (ctx: DynamoContext): ProcessedEvents => ({
  markProcessed: (eventId, expiresAt) =>
    conditionalWrite(
      () =>
        ctx.doc
          .send(
            new PutCommand({
              TableName: ctx.tableName,
              Item: {
                ...processedEventKey(eventId),
                expiresAtEpoch: Math.ceil(Date.parse(expiresAt) / 1000),
              },
              ConditionExpression: "attribute_not_exists(PK)",
            }),
          )
          .then(() => true),
      () => E.right(false),
    ),
  unmark: (eventId) =>
    TE.map(() => undefined)(
      attempt(() =>
        ctx.doc.send(
          new DeleteCommand({ TableName: ctx.tableName, Key: processedEventKey(eventId) }),
        ),
      ),
    ),
});
