import { GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { AppError, PayoutAccountStore, ProducerPayoutAccount } from "@owners/app";
import type { ProducerId } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { DynamoContext } from "./client.ts";
import { conditionalWrite } from "./conditional-write.ts";
import { attempt } from "./dynamo-query.ts";
import type { Item } from "./item.ts";
import { payoutAccountKeys } from "./payout-account-keys.ts";
import { payoutAccountFromItem, payoutAccountToItem } from "./payout-account-mapper.ts";

/**
 * One item per producer, GSI1 by processor account id. create is a put conditioned on
 * attribute_not_exists (the loser reads the winner back); updateStatus a put conditioned on the
 * same account id. findByAccountId reads GSI1, eventually consistent: an event about an account
 * created a moment ago may miss it, which the next read of the status (GET, or a later event) mends.
 */
export const makeDynamoPayoutAccountStore = (ctx: DynamoContext): PayoutAccountStore => {
  const get = (producerId: ProducerId): TE.TaskEither<AppError, O.Option<ProducerPayoutAccount>> =>
    pipe(
      attempt(() =>
        ctx.doc.send(
          new GetCommand({
            TableName: ctx.tableName,
            Key: payoutAccountKeys.item(producerId),
            ConsistentRead: true,
          }),
        ),
      ),
      TE.map((output) =>
        O.map(payoutAccountFromItem)(O.fromNullable(output.Item as Item | undefined)),
      ),
    );
  return {
    get,
    findByAccountId: (accountId) =>
      pipe(
        attempt(() =>
          ctx.doc.send(
            new QueryCommand({
              TableName: ctx.tableName,
              IndexName: "GSI1",
              KeyConditionExpression: "GSI1PK = :pk AND GSI1SK = :sk",
              ExpressionAttributeValues: {
                ":pk": payoutAccountKeys.byAccount(accountId),
                ":sk": payoutAccountKeys.byAccountSort,
              },
              Limit: 1,
            }),
          ),
        ),
        TE.map((output) =>
          O.map(payoutAccountFromItem)(O.fromNullable(output.Items?.[0] as Item | undefined)),
        ),
      ),
    create: (account) =>
      pipe(
        conditionalWrite<O.Option<ProducerPayoutAccount>>(
          async () => {
            await ctx.doc.send(
              new PutCommand({
                TableName: ctx.tableName,
                Item: payoutAccountToItem(account),
                ConditionExpression: "attribute_not_exists(PK)",
              }),
            );
            return O.some(account);
          },
          () => E.right(O.none),
        ),
        TE.chain(
          O.match(
            // Another creation won: answer the account it stored.
            () => pipe(get(account.producerId), TE.map(O.getOrElse(() => account))),
            (created) => TE.right(created),
          ),
        ),
      ),
    updateStatus: (account) =>
      conditionalWrite(
        async () => {
          await ctx.doc.send(
            new PutCommand({
              TableName: ctx.tableName,
              Item: payoutAccountToItem(account),
              ConditionExpression: "accountId = :accountId",
              ExpressionAttributeValues: { ":accountId": account.accountId },
            }),
          );
          return O.some(account);
        },
        () => E.right(O.none),
      ),
  };
};
