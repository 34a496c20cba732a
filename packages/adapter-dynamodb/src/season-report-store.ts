import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { type SeasonReportStore, storeErrors } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { DynamoContext } from "./client.ts";
import { conditionalWrite } from "./conditional-write.ts";
import { attempt } from "./dynamo-query.ts";
import type { Item } from "./item.ts";
import {
  seasonReportFromItem,
  seasonReportKeys,
  seasonReportToItem,
} from "./season-report-mapper.ts";

/**
 * One item per plan (`PLAN#<plan>` / `SEASONREPORT`). The first publication is a put conditioned
 * on attribute_not_exists, an edit one on the stored version: a lost race is a version conflict.
 */
export const makeDynamoSeasonReportStore = (ctx: DynamoContext): SeasonReportStore => ({
  get: (planId) =>
    pipe(
      attempt(() =>
        ctx.doc.send(
          new GetCommand({
            TableName: ctx.tableName,
            Key: seasonReportKeys.item(planId),
            ConsistentRead: true,
          }),
        ),
      ),
      TE.map((out) => O.map(seasonReportFromItem)(O.fromNullable(out.Item as Item | undefined))),
    ),
  put: (report) =>
    conditionalWrite(
      async () => {
        await ctx.doc.send(
          new PutCommand({
            TableName: ctx.tableName,
            Item: seasonReportToItem(report),
            ...(report.version === 1
              ? { ConditionExpression: "attribute_not_exists(PK)" }
              : {
                  ConditionExpression: "version = :expected",
                  ExpressionAttributeValues: { ":expected": report.version - 1 },
                }),
          }),
        );
        return report;
      },
      () => E.left(storeErrors.versionConflict("season report", report.planId)),
    ),
});
