import type { BatchStores } from "@owners/app";
import { makeMemoryCheckpointStore } from "./checkpoint-store.ts";
import { makeMemoryLeaseStore } from "./lease-store.ts";

/** Both batch stores in memory (tests, the memory mode). */
export const makeMemoryBatchStores = (): BatchStores => ({
  checkpoints: makeMemoryCheckpointStore(),
  leases: makeMemoryLeaseStore(),
});
