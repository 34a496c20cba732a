import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import {
  type AppError,
  appError,
  type PlanFilter,
  type PlanRepository,
  storeErrors,
} from "@owners/app";
import type { AuditEntry, Plan, PlanId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { batchGetAll } from "./batch-write.ts";
import type { DynamoContext } from "./client.ts";
import {
  cancellationReasons,
  conditionFailedItem,
  isAppError,
  storeUnavailable,
} from "./dynamo-errors.ts";
import { attempt, type QuerySpec, queryPage } from "./dynamo-query.ts";
import { setExpression } from "./dynamo-write.ts";
import type { Item } from "./item.ts";
import { auditEntryToItem } from "./ledger-mapper.ts";
import { appendNotices, sendWithNotices } from "./outbox-notices.ts";
import {
  planFromItem,
  planHarvestAttributes,
  planTermsAttributes,
  planToItem,
} from "./plan-mapper.ts";
import { planKeys } from "./reservation-keys.ts";

const auditPuts = (tableName: string, audit: readonly AuditEntry[]) =>
  audit.map((entry) => ({
    Put: {
      TableName: tableName,
      Item: auditEntryToItem(entry),
      ConditionExpression: "attribute_not_exists(PK)",
    },
  }));

/** The update a save performs: the producer's fields, status, updatedAt and version, never the counters. */
const saveUpdate = (tableName: string, plan: Plan, expectedVersion: number) => {
  const set = setExpression({
    ...planTermsAttributes(plan),
    ...planHarvestAttributes(plan),
    status: plan.status,
    GSI2PK: planKeys.byStatus(plan.status),
    updatedAt: plan.updatedAt,
    version: expectedVersion + 1,
  });
  return {
    TableName: tableName,
    Key: planKeys.item(plan.id),
    UpdateExpression: set.expression,
    ConditionExpression: "attribute_exists(PK) AND #version = :expected",
    ExpressionAttributeNames: { ...set.names, "#version": "version" },
    ExpressionAttributeValues: { ...set.values, ":expected": expectedVersion },
    ReturnValuesOnConditionCheckFailure: "ALL_OLD" as const,
  };
};

/** Which filter becomes the key of the query; the others filter it. */
const listQuery = (filter: PlanFilter): QuerySpec => {
  const names: Record<string, string> = {};
  const values: Item = {};
  const conditions: string[] = [];
  const filterOn = (attribute: string, value: string | undefined) => {
    if (value === undefined) return;
    names[`#f_${attribute}`] = attribute;
    values[`:f_${attribute}`] = value;
    conditions.push(`#f_${attribute} = :f_${attribute}`);
  };
  let key: Pick<QuerySpec, "IndexName" | "KeyConditionExpression">;
  if (filter.producerId !== undefined) {
    key = {
      IndexName: "GSI1",
      KeyConditionExpression: "GSI1PK = :pk AND begins_with(GSI1SK, :plan)",
    };
    values[":pk"] = planKeys.byProducer(filter.producerId);
    values[":plan"] = "PLAN#";
    filterOn("status", filter.status);
  } else if (filter.status !== undefined) {
    key = { IndexName: "GSI2", KeyConditionExpression: "GSI2PK = :pk" };
    values[":pk"] = planKeys.byStatus(filter.status);
  } else {
    key = { IndexName: "GSI3", KeyConditionExpression: "GSI3PK = :pk" };
    values[":pk"] = planKeys.all;
  }
  filterOn("category", filter.category);
  filterOn("region", filter.region);
  return {
    ...key,
    ScanIndexForward: false,
    ExpressionAttributeValues: values,
    ...(conditions.length === 0
      ? {}
      : { FilterExpression: conditions.join(" AND "), ExpressionAttributeNames: names }),
  };
};

/** PlanRepository on the single table (keys in reservation-keys.ts and the README). */
export const makeDynamoPlanRepository = (ctx: DynamoContext): PlanRepository => {
  const { doc, tableName } = ctx;

  const get = (id: PlanId): TE.TaskEither<AppError, O.Option<Plan>> =>
    attempt(async () => {
      const output = await doc.send(
        new GetCommand({ TableName: tableName, Key: planKeys.item(id), ConsistentRead: true }),
      );
      return output.Item === undefined ? O.none : O.some(planFromItem(output.Item as Item));
    });

  return {
    create: (plan, audit = []) =>
      TE.tryCatch(
        async () => {
          const put = {
            TableName: tableName,
            Item: planToItem(plan),
            ConditionExpression: "attribute_not_exists(PK)",
          };
          try {
            if (audit.length === 0) await doc.send(new PutCommand(put));
            else
              await doc.send(
                new TransactWriteCommand({
                  TransactItems: [{ Put: put }, ...auditPuts(tableName, audit)],
                }),
              );
            return plan;
          } catch (error) {
            const reasons = cancellationReasons(error);
            if (
              conditionFailedItem(error).failed ||
              reasons?.[0]?.code === "ConditionalCheckFailed"
            )
              throw appError("STORE.DUPLICATE", "a plan with this id exists", { planId: plan.id });
            if (reasons?.some((r) => r.code === "ConditionalCheckFailed"))
              throw storeErrors.duplicate("audit entry", "(with the plan)");
            throw error;
          }
        },
        (error) => (isAppError(error) ? error : storeUnavailable(error)),
      ),

    get,

    getMany: (ids) => {
      const unique = [...new Set(ids)];
      if (unique.length > 100)
        return TE.left(storeUnavailable(new RangeError("getMany takes at most 100 ids")));
      return pipe(
        batchGetAll(
          ctx,
          unique.map((id) => planKeys.item(id)),
        ),
        TE.map((items) => items.map(planFromItem)),
      );
    },

    save: (plan, expectedVersion, audit = [], notices = []) =>
      pipe(
        TE.tryCatch(
          async () => {
            const update = saveUpdate(tableName, plan, expectedVersion);
            try {
              if (audit.length === 0 && notices.length === 0) {
                const output = await doc.send(
                  new UpdateCommand({ ...update, ReturnValues: "ALL_NEW" }),
                );
                return O.some(planFromItem(output.Attributes as Item));
              }
              // The notices the change causes land with it (or not at all); see outbox-notices.ts.
              await sendWithNotices(
                ctx,
                appendNotices(
                  tableName,
                  [{ Update: update }, ...auditPuts(tableName, audit)],
                  notices,
                ),
              );
              return O.none;
            } catch (error) {
              const single = conditionFailedItem(error);
              const reasons = cancellationReasons(error);
              const planReason = reasons?.[0];
              if (single.failed || planReason?.code === "ConditionalCheckFailed") {
                const old = single.failed ? single.item : planReason?.item;
                throw old === undefined
                  ? storeErrors.planNotFound(plan.id)
                  : storeErrors.versionConflict("plan", plan.id);
              }
              if (reasons?.some((r) => r.code === "ConditionalCheckFailed"))
                throw storeErrors.duplicate("audit entry", "(with the plan)");
              throw error;
            }
          },
          (error) => (isAppError(error) ? error : storeUnavailable(error)),
        ),
        // A transaction returns no values: read the saved plan back (its counters are not ours).
        TE.chain((saved) =>
          O.isSome(saved)
            ? TE.right(saved.value)
            : pipe(
                get(plan.id),
                TE.chain(
                  O.match(
                    (): TE.TaskEither<AppError, Plan> => TE.left(storeErrors.planNotFound(plan.id)),
                    (p) => TE.right(p),
                  ),
                ),
              ),
        ),
      ),

    list: (filter, page) =>
      queryPage(
        ctx,
        listQuery(filter),
        page,
        `plans:${JSON.stringify([filter.status, filter.category, filter.region, filter.producerId])}`,
        planFromItem,
      ),

    listOpenClosingBy: (before, page) =>
      queryPage(
        ctx,
        {
          IndexName: "GSI2",
          KeyConditionExpression: "GSI2PK = :pk",
          FilterExpression: "#sw.#closesAt <= :before",
          ExpressionAttributeNames: { "#sw": "salesWindow", "#closesAt": "closesAt" },
          ExpressionAttributeValues: { ":pk": planKeys.byStatus("open"), ":before": before },
          ScanIndexForward: false,
        },
        page,
        `plans-closing:${before}`,
        planFromItem,
      ),
  };
};
