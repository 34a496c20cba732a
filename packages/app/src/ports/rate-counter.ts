import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/** Counts events per subject in fixed windows: what a per-user rate limit needs to remember. */
export interface RateCounter {
  /**
   * Counts one event for `subject` in the window starting at `windowStart` and returns the
   * window's count, this one included (concurrent hits each get their own number). The count may
   * be forgotten after `expiresAt`.
   */
  hit(subject: string, windowStart: string, expiresAt: string): TE.TaskEither<AppError, number>;
}
