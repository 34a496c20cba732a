import {
  describeBatchRunLogContract,
  describeCheckpointStoreContract,
  describeLeaseStoreContract,
} from "@owners/app/testing";
import { makeMemoryBatchRunLog } from "./batch-run-log.ts";
import { makeMemoryCheckpointStore } from "./checkpoint-store.ts";
import { makeMemoryLeaseStore } from "./lease-store.ts";

const done = async () => {};

describeCheckpointStoreContract("memory", async () => ({
  subject: makeMemoryCheckpointStore(),
  cleanup: done,
}));
describeLeaseStoreContract("memory", async () => ({
  subject: makeMemoryLeaseStore(),
  cleanup: done,
}));
describeBatchRunLogContract("memory", async () => ({
  subject: makeMemoryBatchRunLog(),
  cleanup: done,
}));
