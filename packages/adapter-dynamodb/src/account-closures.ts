import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { AccountClosure, AccountClosures } from "@owners/app";
import type { Instant } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { DynamoContext } from "./client.ts";
import { conditionalWrite } from "./conditional-write.ts";
import { attempt } from "./dynamo-query.ts";
import { accountKeys } from "./harvest-keys.ts";
import type { Item } from "./item.ts";

export const accountClosureToItem = (closure: AccountClosure): Item => ({
  ...accountKeys.closure(closure.personId),
  entity: "accountClosure",
  personId: closure.personId,
  closedAt: closure.closedAt,
});

export const accountClosureFromItem = (item: Item): AccountClosure => ({
  personId: item.personId as string,
  closedAt: item.closedAt as Instant,
});

/** One tombstone item per closed account: `ACCOUNT#<person>` / `CLOSED`, written once. */
export const makeDynamoAccountClosures = (ctx: DynamoContext): AccountClosures => ({
  get: (personId) =>
    pipe(
      attempt(() =>
        ctx.doc.send(
          new GetCommand({
            TableName: ctx.tableName,
            Key: accountKeys.closure(personId),
            ConsistentRead: true,
          }),
        ),
      ),
      TE.map((output) =>
        O.map(accountClosureFromItem)(O.fromNullable(output.Item as Item | undefined)),
      ),
    ),
  // The first record wins: a repeat answers with the stored closure (ALL_OLD on the failure).
  record: (closure) =>
    conditionalWrite(
      async () => {
        await ctx.doc.send(
          new PutCommand({
            TableName: ctx.tableName,
            Item: accountClosureToItem(closure),
            ConditionExpression: "attribute_not_exists(PK)",
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          }),
        );
        return closure;
      },
      (old) => E.right(old === undefined ? closure : accountClosureFromItem(old)),
    ),
});
