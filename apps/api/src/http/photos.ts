import type { Actor, AppError, PhotoUploadUseCases } from "@owners/app";
import * as TE from "fp-ts/lib/TaskEither.js";

/**
 * Every photo key is checked (the caller's own upload, present, a real image of an allowed size)
 * before anything is attached; keys already attached are trusted, they were checked then.
 */
export const verifyPhotos = (
  uploads: PhotoUploadUseCases,
  actor: Actor,
  keys: readonly string[],
  alreadyAttached: readonly string[] = [],
): TE.TaskEither<AppError, readonly string[]> =>
  TE.sequenceSeqArray(
    keys.map((key) =>
      alreadyAttached.includes(key) ? TE.right(key) : uploads.verifyUploadedPhoto(actor, key),
    ),
  );
