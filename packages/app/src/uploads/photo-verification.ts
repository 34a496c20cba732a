import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";

/** Checks one uploaded photo for the caller (verifyUploadedPhoto): its key, or why not. */
export type VerifyPhoto = (actor: Actor, key: string) => TE.TaskEither<AppError, string>;

/** What a use case that attaches photos needs to check them. */
export interface PhotoVerificationDeps {
  /**
   * Absent only where the caller binds the use case itself and vouches for its keys (demo seeding,
   * fixtures); the use-case groups an app serves (makePlanUseCases) require it.
   */
  readonly verifyPhoto?: VerifyPhoto;
}

/**
 * Every key not already attached is verified (the caller's own upload, present, a real image)
 * before anything is written; attached keys were checked when they were attached. Returns the keys
 * to store, in order and each once: an upload becomes the key of its verified copy, so an upload
 * attached again (its form is single-use) is the photo already there.
 */
export const verifyNewPhotos =
  (deps: PhotoVerificationDeps) =>
  (
    actor: Actor,
    keys: readonly string[],
    attached: readonly string[] = [],
  ): TE.TaskEither<AppError, readonly string[]> =>
    pipe(
      TE.sequenceSeqArray(
        keys.map((key) =>
          attached.includes(key) || deps.verifyPhoto === undefined
            ? TE.right(key)
            : deps.verifyPhoto(actor, key),
        ),
      ),
      TE.map((stored) => [...new Set(stored)]),
    );
