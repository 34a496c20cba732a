import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import { type AppError, appError } from "../errors.ts";
import type { BlobStore } from "../ports/blob-store.ts";

/**
 * A BlobStore made on first use. The API's Lambda imports the S3 client (a sizeable part of the
 * bundle) only when a request needs storage, so a cold start that serves plans does not pay for
 * it. Loaded once; a failed load is STORE.UNAVAILABLE and the next call tries again.
 */
export const lazyBlobStore = (load: () => Promise<BlobStore>): BlobStore => {
  let loading: Promise<BlobStore> | undefined;
  const store = async (): Promise<E.Either<AppError, BlobStore>> => {
    loading ??= load();
    try {
      return E.right(await loading);
    } catch {
      loading = undefined;
      return E.left(appError("STORE.UNAVAILABLE", "file storage could not be reached"));
    }
  };
  const via =
    <A extends unknown[], T>(call: (blobs: BlobStore, ...args: A) => TE.TaskEither<AppError, T>) =>
    (...args: A): TE.TaskEither<AppError, T> =>
    async () => {
      const loaded = await store();
      return E.isLeft(loaded) ? loaded : call(loaded.right, ...args)();
    };
  return {
    presignUpload: via((b, key: string, type: string, max: number) =>
      b.presignUpload(key, type, max),
    ),
    head: via((b, key: string) => b.head(key)),
    readPrefix: via((b, key: string, length: number) => b.readPrefix(key, length)),
    delete: via((b, key: string) => b.delete(key)),
    put: via((b, key: string, body: Uint8Array | string, type: string) => b.put(key, body, type)),
    presignDownload: via((b, key: string) => b.presignDownload(key)),
  };
};
