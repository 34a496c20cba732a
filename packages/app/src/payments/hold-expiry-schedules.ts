import type { Ownership } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { Scheduler } from "../ports/scheduler.ts";

/** The batch that releases holds past their time (it calls expireUnpaidHolds). */
export const HOLD_EXPIRY_BATCH = "reconcile-payments";

/** One schedule per hold, so a retried reservation replaces it rather than adding one. */
export const holdExpiryScheduleName = (ownership: Pick<Ownership, "id">): string =>
  `hold-expiry-${ownership.id}`;

/**
 * Asks for the hold-expiry batch when an unpaid hold ends, so its shares come back on time rather
 * than at the hourly run. Best effort, as offers' expiries: the hourly batch releases it anyway.
 */
export const scheduleHoldExpiry =
  (deps: { readonly scheduler?: Scheduler }) =>
  (ownership: Ownership): TE.TaskEither<AppError, void> => {
    const end = ownership.holdExpiresAt;
    if (deps.scheduler === undefined || ownership.status !== "pending_payment" || end === undefined)
      return TE.right(undefined);
    return pipe(
      deps.scheduler.scheduleOnce(holdExpiryScheduleName(ownership), end, {
        batch: HOLD_EXPIRY_BATCH,
      }),
      TE.orElse((): TE.TaskEither<AppError, void> => TE.right(undefined)),
    );
  };
