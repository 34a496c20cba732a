import { makeCursorCodec } from "@owners/app";
import { describeProducerApplicationStoreContract } from "@owners/app/testing";
import { makeMemoryProducerApplicationStore } from "./producer-application-store.ts";

describeProducerApplicationStoreContract("memory", async () => ({
  subject: makeMemoryProducerApplicationStore(makeCursorCodec("test-cursor-secret")),
  cleanup: async () => {},
}));
