import { describeCheckpointStoreContract } from "../testing/contracts/checkpoint-store.contract.ts";
import { describeLeaseStoreContract } from "../testing/contracts/lease-store.contract.ts";
import { makeMemoryCheckpointStore } from "./memory-checkpoint-store.ts";
import { makeMemoryLeaseStore } from "./memory-lease-store.ts";

const done = async () => {};

describeCheckpointStoreContract("memory", async () => ({
  subject: makeMemoryCheckpointStore(),
  cleanup: done,
}));
describeLeaseStoreContract("memory", async () => ({
  subject: makeMemoryLeaseStore(),
  cleanup: done,
}));
