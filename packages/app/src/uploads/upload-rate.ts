import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { type AppError, failTE } from "../errors.ts";
import type { PhotoUploadDeps } from "./deps.ts";

/** Forms one person may ask for an hour: a producer's photo session fits, a flood does not. */
export const DEFAULT_UPLOAD_FORMS_PER_HOUR = 20;

const HOUR_MS = 3_600_000;

/**
 * Counts one more form for the uploader in the current hour (a fixed window, forgotten an hour
 * after it ends) and refuses past the limit with UPLOAD.RATE_LIMITED, saying when to retry.
 */
export const takeUploadForm =
  (deps: Pick<PhotoUploadDeps, "clock" | "rates" | "config">) =>
  (uploaderId: string): TE.TaskEither<AppError, void> => {
    const limit = deps.config.formsPerHour ?? DEFAULT_UPLOAD_FORMS_PER_HOUR;
    const start = Math.floor(Date.parse(deps.clock.now()) / HOUR_MS) * HOUR_MS;
    const windowEnd = new Date(start + HOUR_MS).toISOString();
    return pipe(
      deps.rates.hit(
        `upload-forms#${uploaderId}`,
        new Date(start).toISOString(),
        new Date(start + 2 * HOUR_MS).toISOString(),
      ),
      TE.chain((count) =>
        count <= limit
          ? TE.right(undefined)
          : failTE("UPLOAD.RATE_LIMITED", `at most ${limit} upload forms an hour`, {
              limit,
              retryAfter: windowEnd,
            }),
      ),
    );
  };
