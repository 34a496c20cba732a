import type * as O from "fp-ts/lib/Option.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/** A browser uploads straight to storage with this: POST `url` with `fields` and the file last. */
export interface PresignedUpload {
  readonly key: string;
  readonly url: string;
  readonly method: "POST";
  readonly fields: Readonly<Record<string, string>>;
  readonly expiresAt: string;
  readonly maxBytes: number;
  readonly contentType: string;
}

export interface StoredObjectInfo {
  readonly key: string;
  readonly sizeBytes: number;
  readonly contentType: string | undefined;
}

export interface BlobStore {
  /** A short-lived upload restricted to `key`, `contentType` and at most `maxBytes`. */
  presignUpload(
    key: string,
    contentType: string,
    maxBytes: number,
  ): TE.TaskEither<AppError, PresignedUpload>;
  /** Size and declared type of an object, or none when absent. */
  head(key: string): TE.TaskEither<AppError, O.Option<StoredObjectInfo>>;
  /** The first `length` bytes (magic-number checks). */
  readPrefix(key: string, length: number): TE.TaskEither<AppError, Uint8Array>;
  /** Deletes the object; succeeds when it is already gone. */
  delete(key: string): TE.TaskEither<AppError, void>;
  /** Copies an object with its declared type to `to` (replacing it); BLOB.NOT_FOUND when `from` is absent. */
  copy(from: string, to: string): TE.TaskEither<AppError, void>;
  /** Writes a whole object (exports, generated files). */
  put(key: string, body: Uint8Array | string, contentType: string): TE.TaskEither<AppError, void>;
  /** Every key under `prefix` (one person's uploads: what account deletion removes). */
  listKeys(prefix: string): TE.TaskEither<AppError, readonly string[]>;
  /** A short-lived URL to read an object (photos in pages). */
  presignDownload(key: string): TE.TaskEither<AppError, string>;
}
