import { describeBlobStoreContract } from "@owners/app/testing";
import * as O from "fp-ts/lib/Option.js";
import { makeMemoryBlobStore } from "./blob-store.ts";

describeBlobStoreContract("memory", async () => {
  const store = makeMemoryBlobStore();
  return {
    subject: store,
    upload: async (upload, body, contentType) => store.receiveUpload(upload, body, contentType),
    download: async (url) =>
      O.match(
        () => {
          throw new Error(`nothing at ${url}`);
        },
        (body: Uint8Array) => body,
      )(store.download(url)),
    cleanup: async () => {},
  };
});
