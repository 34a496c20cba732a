import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import { type AppError, appError } from "../errors.ts";
import type { PresignedUpload } from "../ports/blob-store.ts";
import type { PhotoUploadDeps } from "./deps.ts";
import { isSafeKeySegment, pendingKey } from "./photo-key.ts";
import { checkUploadRequest } from "./photo-rules.ts";
import { takeUploadForm } from "./upload-rate.ts";

export interface RequestPhotoUploadInput {
  readonly contentType: string;
  /** The file's size if the client knows it, so an oversize photo is refused before it is sent. */
  readonly sizeBytes?: number;
}

/** An actor whose id could not be a key segment could reach outside its own prefix. */
export const checkUploader = (actor: Actor): E.Either<AppError, Actor> =>
  isSafeKeySegment(actor.id)
    ? E.right(actor)
    : E.left(
        appError("UPLOAD.FORBIDDEN", "this account cannot upload files", { actorId: actor.id }),
      );

/**
 * A presigned form for one photo, stored under the caller's own upload prefix with a fresh name
 * (one key per form), within the caller's hourly quota of forms. The client POSTs the file
 * straight to storage, then calls verifyUploadedPhoto with the key and attaches the key it returns.
 */
export const requestPhotoUpload =
  (deps: PhotoUploadDeps) =>
  (actor: Actor, input: RequestPhotoUploadInput): TE.TaskEither<AppError, PresignedUpload> =>
    pipe(
      checkUploader(actor),
      E.chain((uploader) =>
        pipe(
          checkUploadRequest(input, deps.config),
          E.bimap(
            (rejection): AppError =>
              appError("UPLOAD.INVALID", rejection.message, {
                reason: rejection.reason,
                ...rejection.details,
              }),
            (type) => ({ uploader, type }),
          ),
        ),
      ),
      TE.fromEither,
      TE.chainFirst(({ uploader }) => takeUploadForm(deps)(uploader.id)),
      TE.chain(({ uploader, type }) =>
        deps.blobs.presignUpload(
          pendingKey(uploader.id, deps.ids.next("photo"), type),
          type,
          deps.config.maxPhotoBytes,
        ),
      ),
    );
