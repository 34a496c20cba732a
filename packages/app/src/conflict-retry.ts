import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import { type BackoffPolicy, type BackoffTiming, retryWithBackoff } from "./backoff.ts";
import type { AppError } from "./errors.ts";

const isConflict = (error: AppError) => error._tag === "STORE.VERSION_CONFLICT";

/**
 * Runs `attempt` again (from its reads) while it loses an optimistic-locking race, with jittered,
 * growing pauses so that racing callers spread out, until the policy's time budget is spent (then
 * the conflict is the answer). Only conflicts are retried here: throttling and other transient
 * store failures are retried once, inside the adapter, and arrive as STORE.UNAVAILABLE.
 */
export const retryOnConflict =
  <A>(
    policy: BackoffPolicy,
    attempt: () => TE.TaskEither<AppError, A>,
    timing?: BackoffTiming,
  ): TE.TaskEither<AppError, A> =>
  () =>
    retryWithBackoff(
      policy,
      () => attempt()(),
      (result) => E.isLeft(result) && isConflict(result.left),
      timing,
    );
