import type { BatchStores } from "@owners/app";
import { makeDynamoBatchRunLog } from "./batch-run-log.ts";
import { makeDynamoCheckpointStore } from "./checkpoint-store.ts";
import type { DynamoContext } from "./client.ts";
import { makeDynamoLeaseStore } from "./lease-store.ts";

/** The batch runner's checkpoints, leases and run records on the table. */
export const makeDynamoBatchStores = (ctx: DynamoContext): BatchStores => ({
  checkpoints: makeDynamoCheckpointStore(ctx),
  leases: makeDynamoLeaseStore(ctx),
  runs: makeDynamoBatchRunLog(ctx),
});
