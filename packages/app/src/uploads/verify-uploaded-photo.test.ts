import { makeMemoryBlobStore } from "@owners/adapter-memory";
import * as O from "fp-ts/lib/Option.js";
import { describePhotoUploadVerification } from "../testing/photo-upload.suite.ts";

describePhotoUploadVerification("in-memory blob store", async () => {
  const store = makeMemoryBlobStore();
  return {
    subject: store,
    upload: async (upload, body, contentType) => store.receiveUpload(upload, body, contentType),
    download: async (url) => O.getOrElse((): Uint8Array => new Uint8Array())(store.download(url)),
    cleanup: async () => {},
  };
});
