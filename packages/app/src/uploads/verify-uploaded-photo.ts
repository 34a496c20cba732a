import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import { type AppError, appError, failTE } from "../errors.ts";
import type { StoredObjectInfo } from "../ports/blob-store.ts";
import type { PhotoUploadDeps } from "./deps.ts";
import { SNIFF_BYTES } from "./image-type.ts";
import {
  isPlainKeyUnder,
  type PhotoKey,
  parsePendingKey,
  parsePhotoKey,
  photoKey,
  uploaderPrefix,
  verifiedPrefix,
} from "./photo-key.ts";
import { checkContent, checkStoredObject, type PhotoRejection } from "./photo-rules.ts";
import { checkUploader } from "./request-photo-upload.ts";

/** Verifying needs storage and the limits only: no ids (the copy keeps the form's file id). */
type Deps = Pick<PhotoUploadDeps, "blobs" | "config">;

const notFound = (key: string) =>
  appError("UPLOAD.NOT_FOUND", "nothing was uploaded under this key", { key });

/** Deletes `key`, then reports why it was refused (a failed delete is reported instead: retry). */
const rejectAndDelete =
  (deps: Deps, key: string) =>
  (rejection: PhotoRejection): TE.TaskEither<AppError, never> =>
    pipe(
      deps.blobs.delete(key),
      TE.chainW(() =>
        failTE("UPLOAD.INVALID", rejection.message, {
          reason: rejection.reason,
          key,
          ...rejection.details,
        }),
      ),
    );

/** The object at `key` is within limits, of its declared type, and really that kind of image. */
const checkObject = (deps: Deps, key: string, parsed: PhotoKey): TE.TaskEither<AppError, void> => {
  const orReject = <A>(checked: E.Either<PhotoRejection, A>): TE.TaskEither<AppError, A> =>
    E.isLeft(checked) ? rejectAndDelete(deps, key)(checked.left) : TE.right(checked.right);
  return pipe(
    deps.blobs.head(key),
    TE.chain(
      O.match((): TE.TaskEither<AppError, StoredObjectInfo> => TE.left(notFound(key)), TE.right),
    ),
    TE.chain((info) => orReject(checkStoredObject(parsed.type, info, deps.config))),
    TE.chain(() => deps.blobs.readPrefix(key, SNIFF_BYTES)),
    TE.mapLeft((error): AppError => (error._tag === "BLOB.NOT_FOUND" ? notFound(key) : error)),
    TE.chain((firstBytes) => orReject(checkContent(parsed.type, firstBytes))),
  );
};

/**
 * The verified copy of a pending upload. A form is single-use: once its copy exists, the copy is
 * what counts (checked again) and whatever the form sent since is never copied. Otherwise the
 * bytes are copied first and checked there, in a place no form reaches, so what is checked is
 * what is served; then the pending upload is deleted (the lifecycle rule would, a day later).
 */
const verifyPending = (
  deps: Deps,
  key: string,
  parsed: PhotoKey,
): TE.TaskEither<AppError, string> => {
  const target = photoKey(parsed.uploaderId, parsed.fileId, parsed.type);
  return pipe(
    deps.blobs.head(target),
    TE.chain(
      O.match(
        () =>
          pipe(
            deps.blobs.copy(key, target),
            TE.mapLeft(
              (error): AppError => (error._tag === "BLOB.NOT_FOUND" ? notFound(key) : error),
            ),
            TE.chain(() =>
              pipe(
                checkObject(deps, target, parsed),
                // A refused copy leaves no upload behind either.
                TE.orElseFirst(() => deps.blobs.delete(key)),
              ),
            ),
            TE.chain(() => deps.blobs.delete(key)),
          ),
        () => checkObject(deps, target, parsed),
      ),
    ),
    TE.map(() => target),
  );
};

/**
 * Accepts a photo only after checking it, and returns the key to attach: its verified copy.
 * An upload key must be under the caller's own upload prefix (UPLOAD.FORBIDDEN otherwise, and
 * someone else's file is left alone); a verified key under the caller's own photos is checked
 * again as stored. The object must exist (UPLOAD.NOT_FOUND), be within size limits, of the type
 * its key promises, declared and in its first bytes. Anything else is UPLOAD.INVALID with the
 * reason, and the object is deleted so nothing unchecked stays in storage.
 */
export const verifyUploadedPhoto =
  (deps: Deps) =>
  (actor: Actor, key: string): TE.TaskEither<AppError, string> =>
    pipe(
      TE.fromEither(checkUploader(actor)),
      TE.chain((uploader): TE.TaskEither<AppError, string> => {
        const verified = parsePhotoKey(key);
        if (key.startsWith(verifiedPrefix(uploader.id)) && verified !== undefined)
          return pipe(
            checkObject(deps, key, verified),
            TE.map(() => key),
          );
        if (!key.startsWith(uploaderPrefix(uploader.id)))
          return failTE("UPLOAD.FORBIDDEN", "this file is not one of your uploads", { key });
        const pending = parsePendingKey(key);
        if (pending !== undefined) return verifyPending(deps, key, pending);
        const rejection: PhotoRejection = {
          reason: "key",
          message: "not a photo key this service issued",
          details: { key },
        };
        // Delete the stray object only when the key cannot point anywhere but the caller's own files.
        return isPlainKeyUnder(uploaderPrefix(uploader.id), key)
          ? rejectAndDelete(deps, key)(rejection)
          : failTE("UPLOAD.INVALID", rejection.message, { reason: rejection.reason, key });
      }),
    );
