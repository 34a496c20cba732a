import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import { type AppError, appError, failTE } from "../errors.ts";
import type { StoredObjectInfo } from "../ports/blob-store.ts";
import type { PhotoUploadDeps } from "./deps.ts";
import { SNIFF_BYTES } from "./image-type.ts";
import { isPlainKeyUnder, type PhotoKey, parsePhotoKey, uploaderPrefix } from "./photo-key.ts";
import { checkContent, checkStoredObject, type PhotoRejection } from "./photo-rules.ts";
import { checkUploader } from "./request-photo-upload.ts";

/**
 * Accepts an uploaded photo only after checking it: the key is under the caller's own prefix
 * (UPLOAD.FORBIDDEN otherwise, and someone else's file is left alone), the object exists
 * (UPLOAD.NOT_FOUND), its size is within limits, its declared type is the one its key promises,
 * and its first bytes are really that kind of image. Anything else is UPLOAD.INVALID with the
 * reason, and the object is deleted so nothing unchecked stays in storage. Returns the key.
 */
export const verifyUploadedPhoto =
  (deps: PhotoUploadDeps) =>
  (actor: Actor, key: string): TE.TaskEither<AppError, string> => {
    // Deletes the caller's bad upload, then reports why (a failed delete is reported instead: retry).
    const rejectAndDelete = (rejection: PhotoRejection): TE.TaskEither<AppError, never> =>
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
    const orReject = <A>(checked: E.Either<PhotoRejection, A>): TE.TaskEither<AppError, A> =>
      E.isLeft(checked) ? rejectAndDelete(checked.left) : TE.right(checked.right);

    return pipe(
      TE.fromEither(checkUploader(actor)),
      TE.chain((uploader) =>
        key.startsWith(uploaderPrefix(uploader.id))
          ? TE.right(parsePhotoKey(key))
          : failTE("UPLOAD.FORBIDDEN", "this file is not one of your uploads", { key }),
      ),
      TE.chain((parsed) => {
        if (parsed !== undefined) return TE.right(parsed);
        const rejection: PhotoRejection = {
          reason: "key",
          message: "not a photo key this service issued",
          details: { key },
        };
        // Delete the stray object only when the key cannot point anywhere but the caller's own files.
        return isPlainKeyUnder(uploaderPrefix(actor.id), key)
          ? rejectAndDelete(rejection)
          : failTE("UPLOAD.INVALID", rejection.message, { reason: rejection.reason, key });
      }),
      TE.chain((parsed: PhotoKey) =>
        pipe(
          deps.blobs.head(key),
          TE.chain(
            O.match(
              (): TE.TaskEither<AppError, StoredObjectInfo> =>
                failTE("UPLOAD.NOT_FOUND", "nothing was uploaded under this key", { key }),
              TE.right,
            ),
          ),
          TE.chain((info) => orReject(checkStoredObject(parsed.type, info, deps.config))),
          TE.chain(() => deps.blobs.readPrefix(key, SNIFF_BYTES)),
          TE.mapLeft(
            (error): AppError =>
              error._tag === "BLOB.NOT_FOUND"
                ? appError("UPLOAD.NOT_FOUND", "nothing was uploaded under this key", { key })
                : error,
          ),
          TE.chain((firstBytes) => orReject(checkContent(parsed.type, firstBytes))),
        ),
      ),
      TE.map(() => key),
    );
  };
