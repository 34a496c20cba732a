import { analyticsRecordToItem, batchPutAll, type DynamoContext } from "@owners/adapter-dynamodb";
import type { AnalyticsRecord } from "@owners/app";
import type { PlanId, ProducerId } from "@owners/domain";

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
