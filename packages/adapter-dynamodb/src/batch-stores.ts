import type { BatchStores } from "@owners/app";
import { makeDynamoCheckpointStore } from "./checkpoint-store.ts";
import type { DynamoContext } from "./client.ts";
import { makeDynamoLeaseStore } from "./lease-store.ts";

/** The batch runner's checkpoints and leases on the table. */
export const makeDynamoBatchStores = (ctx: DynamoContext): BatchStores => ({
  checkpoints: makeDynamoCheckpointStore(ctx),
  leases: makeDynamoLeaseStore(ctx),
});
