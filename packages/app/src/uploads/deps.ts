import type { BlobStore } from "../ports/blob-store.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { PhotoUploadConfig } from "./photo-rules.ts";

export interface PhotoUploadDeps {
  readonly blobs: BlobStore;
  readonly ids: IdGenerator;
  readonly config: PhotoUploadConfig;
}
