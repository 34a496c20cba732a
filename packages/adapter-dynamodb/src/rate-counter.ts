import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { RateCounter } from "@owners/app";
import type { DynamoContext } from "./client.ts";
import { attempt } from "./dynamo-query.ts";

/** One item per subject and window: `RATE#<subject>` / `WINDOW#<start>`. */
export const rateKeys = (subject: string, windowStart: string) => ({
  PK: `RATE#${subject}`,
  SK: `WINDOW#${windowStart}`,
});

/**
 * An atomic counter per window (UpdateItem ADD, so concurrent hits each get their own number),
 * carrying the table's TTL attribute so that old windows delete themselves.
 */
export const makeDynamoRateCounter = (ctx: DynamoContext): RateCounter => ({
  hit: (subject, windowStart, expiresAt) =>
    attempt(async () => {
      const output = await ctx.doc.send(
        new UpdateCommand({
          TableName: ctx.tableName,
          Key: rateKeys(subject, windowStart),
          UpdateExpression: "ADD #count :one SET expiresAtEpoch = :ttl",
          ExpressionAttributeNames: { "#count": "count" },
          ExpressionAttributeValues: {
            ":one": 1,
            ":ttl": Math.ceil(Date.parse(expiresAt) / 1000),
          },
          ReturnValues: "UPDATED_NEW",
        }),
      );
      return Number(output.Attributes?.count ?? 0);
    }),
});
