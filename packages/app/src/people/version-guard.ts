import * as TE from "fp-ts/lib/TaskEither.js";
import { type AppError, appError } from "../errors.ts";

/** STORE.VERSION_CONFLICT when the caller edited another version than the stored one. */
export const versionGuard = (
  stored: number,
  expected: number | undefined,
): TE.TaskEither<AppError, void> =>
  expected === undefined || expected === stored
    ? TE.right(undefined)
    : TE.left(
        appError("STORE.VERSION_CONFLICT", "the profile changed since it was read", {
          expectedVersion: expected,
          version: stored,
        }),
      );
