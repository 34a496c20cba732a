import type { BatchRunLog } from "./batch-run-log.ts";
import type { CheckpointStore } from "./checkpoint-store.ts";
import type { LeaseStore } from "./lease-store.ts";

/** What the batch runner stores besides the app's data: where each run stands, who runs it. */
export interface BatchStores {
  readonly checkpoints: CheckpointStore;
  readonly leases: LeaseStore;
  /** Each run's progress and last report, for the admins' console. */
  readonly runs: BatchRunLog;
}
