import type { BlobStore } from "@owners/app";
import { lazyPort } from "./lazy-port.ts";

/** The S3 client is sizeable: loaded on the first request that stores or signs a file. */
export const lazyBlobStore = (load: () => Promise<BlobStore>): BlobStore =>
  lazyPort<BlobStore>(
    {
      presignUpload: true,
      head: true,
      readPrefix: true,
      listKeys: true,
      delete: true,
      copy: true,
      put: true,
      presignDownload: true,
    },
    load,
    "file storage",
  );
