import type { BlobStore } from "../ports/blob-store.ts";
import type { Clock } from "../ports/clock.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { RateCounter } from "../ports/rate-counter.ts";
import type { PhotoUploadConfig } from "./photo-rules.ts";

export interface PhotoUploadDeps {
  readonly blobs: BlobStore;
  readonly ids: IdGenerator;
  readonly config: PhotoUploadConfig;
  readonly clock: Clock;
  /** Upload forms asked per user per hour (UPLOAD.RATE_LIMITED past the limit). */
  readonly rates: RateCounter;
}
