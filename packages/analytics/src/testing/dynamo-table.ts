import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  analyticsRecordToItem,
  batchPutAll,
  type DynamoContext,
  makeDocumentClient,
} from "@owners/adapter-dynamodb";
import { createTableInput } from "@owners/adapter-dynamodb/table";
import { type AnalyticsRecord, makeCursorCodec } from "@owners/app";
import type { PlanId, ProducerId } from "@owners/domain";
import { LOCAL_AWS_CREDENTIALS, LOCAL_AWS_REGION } from "@owners/test-engines";

/** A fresh single table on a DynamoDB Local endpoint (the app's own key design and indexes). */
export const createTable = async (endpoint: string, tableName: string): Promise<DynamoContext> => {
  const config = { endpoint, region: LOCAL_AWS_REGION, credentials: LOCAL_AWS_CREDENTIALS };
  const raw = new DynamoDBClient(config);
  await raw.send(new CreateTableCommand(createTableInput(tableName)));
  raw.destroy();
  return {
    doc: makeDocumentClient(config),
    tableName,
    cursors: makeCursorCodec("analytics-test-cursors"),
  };
};

/** Stores the records as the adapters do (their mappers), with BatchWriteItem. */
export const putRecords = async (
  ctx: DynamoContext,
  records: readonly AnalyticsRecord[],
  concurrency = 8,
): Promise<void> => {
  const producerOf = new Map<string, ProducerId>();
  for (const r of records) if (r.entity === "plans") producerOf.set(r.value.id, r.value.producerId);
  const items = records.map((r) =>
    analyticsRecordToItem(
      r,
      (planId: PlanId) => producerOf.get(planId) ?? ("unknown" as ProducerId),
    ),
  );
  const written = await batchPutAll(ctx, items, { concurrency })();
  if (written._tag === "Left") throw new Error(JSON.stringify(written.left));
};
