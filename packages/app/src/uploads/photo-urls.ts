import * as A from "fp-ts/lib/ReadonlyArray.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { PhotoUploadDeps } from "./deps.ts";

/**
 * Short-lived URLs a browser loads the photos of a plan or update from, in the keys' order. The
 * bucket stays private: whoever was shown the plan or update gets URLs that soon expire. Signing
 * is local (no request to storage), so a page with photos costs no extra round trip.
 */
export const photoUrls =
  (deps: Pick<PhotoUploadDeps, "blobs">) =>
  (keys: readonly string[]): TE.TaskEither<AppError, readonly string[]> =>
    A.traverse(TE.ApplicativeSeq)((key: string) => deps.blobs.presignDownload(key))(keys);
