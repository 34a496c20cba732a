import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/** A batch by name with its optional input (for example one plan). */
export interface BatchInvocation {
  readonly batch: string;
  readonly input?: Readonly<Record<string, string>>;
}

export interface Scheduler {
  /** Runs `invocation` every `rate` (`"5 minutes"`, `"1 hour"`); idempotent by `name`. */
  scheduleRecurring(
    name: string,
    rate: string,
    invocation: BatchInvocation,
  ): TE.TaskEither<AppError, void>;
  /** Runs `invocation` once at `at` (ISO instant); idempotent by `name` (a repeat replaces it). */
  scheduleOnce(
    name: string,
    at: string,
    invocation: BatchInvocation,
  ): TE.TaskEither<AppError, void>;
  /** Removes a schedule; succeeds when it does not exist. */
  cancel(name: string): TE.TaskEither<AppError, void>;
}
