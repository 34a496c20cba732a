import type { BatchStores } from "@owners/app";
import { makeMemoryBatchRunLog } from "./batch-run-log.ts";
import { makeMemoryCheckpointStore } from "./checkpoint-store.ts";
import { makeMemoryLeaseStore } from "./lease-store.ts";

/** The batch stores in memory (tests, the memory mode). */
export const makeMemoryBatchStores = (): BatchStores => ({
  checkpoints: makeMemoryCheckpointStore(),
  leases: makeMemoryLeaseStore(),
  runs: makeMemoryBatchRunLog(),
});
