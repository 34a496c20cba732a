import { makeCursorCodec } from "@owners/app";
import { describeParcelStoreContract } from "@owners/app/testing";
import { makeMemoryOutbox } from "./outbox.ts";
import { makeMemoryParcelStore } from "./parcel-store.ts";

describeParcelStoreContract("memory", async () => {
  const cursors = makeCursorCodec("memory-test-secret");
  const outbox = makeMemoryOutbox(cursors);
  return {
    subject: makeMemoryParcelStore(cursors, outbox),
    outbox,
    cleanup: async () => {},
  };
});
