import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { type SeasonReportStore, storeErrors } from "@owners/app";
import type { SeasonReport } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { DynamoContext } from "./client.ts";
import { conditionalWrite, transaction } from "./conditional-write.ts";
import { attempt } from "./dynamo-query.ts";
import type { Item } from "./item.ts";
import { appendNotices, sendWithNotices } from "./outbox-notices.ts";
import type { TransactItem } from "./reservation-transactions.ts";
import {
  seasonReportFromItem,
  seasonReportKeys,
  seasonReportToItem,
} from "./season-report-mapper.ts";

/** The report's put: a first publication on attribute_not_exists, an edit on the stored version. */
const reportPut = (tableName: string, report: SeasonReport) => ({
  TableName: tableName,
  Item: seasonReportToItem(report),
  ...(report.version === 1
    ? { ConditionExpression: "attribute_not_exists(PK)" }
    : {
        ConditionExpression: "version = :expected",
        ExpressionAttributeValues: { ":expected": report.version - 1 },
      }),
});

/**
 * One item per plan (`PLAN#<plan>` / `SEASONREPORT`). The first publication is a put conditioned
 * on attribute_not_exists, an edit one on the stored version: a lost race is a version conflict.
 * With notices, the put and one outbox put per notice are one TransactWriteItems (the report's put
 * first, so a cancellation naming it is the version conflict); a notice already stored is dropped.
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
  put: (report, notices = []) => {
    const conflict = () => E.left(storeErrors.versionConflict("season report", report.planId));
    if (notices.length === 0)
      return conditionalWrite(async () => {
        await ctx.doc.send(new PutCommand(reportPut(ctx.tableName, report)));
        return report;
      }, conflict);
    const items: TransactItem[] = [{ Put: reportPut(ctx.tableName, report) }];
    return transaction(async () => {
      await sendWithNotices(ctx, appendNotices(ctx.tableName, items, notices));
      return report;
    }, conflict);
  },
});
