import { makeCursorCodec } from "@owners/app";
import {
  describeFollowStoreContract,
  describeProducerProfileStoreContract,
} from "@owners/app/testing";
import { makeMemoryFollowStore } from "./follow-store.ts";
import { makeMemoryProducerProfileStore } from "./producer-profile-store.ts";

const cursors = makeCursorCodec("memory-test-secret");
const done = async () => {};

describeProducerProfileStoreContract("memory", async () => ({
  subject: makeMemoryProducerProfileStore(cursors),
  cleanup: done,
}));
describeFollowStoreContract("memory", async () => ({
  subject: makeMemoryFollowStore(cursors),
  cleanup: done,
}));
