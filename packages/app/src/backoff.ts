import { sleep } from "./sleep.ts";

/**
 * How long and how often to try again: exponential backoff with full jitter, bounded by the total
 * time waited rather than by a count, so a caller (an API request, a batch chunk) knows the most a
 * retried call can cost it however fast each try fails.
 */
export interface BackoffPolicy {
  /** No retry starts once this long has passed since the first try began. */
  readonly budgetMs: number;
  /** The first pause is uniform in [0, baseDelayMs); each next one may be twice as long... */
  readonly baseDelayMs: number;
  /** ...up to this. */
  readonly maxDelayMs: number;
}

/** Time and chance as a retry loop sees them; tests give a fake one. */
export interface BackoffTiming {
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

export const REAL_BACKOFF_TIMING: BackoffTiming = {
  now: () => performance.now(),
  sleep,
  random: Math.random,
};

/** Full jitter: a uniform pause in [0, min(max, base * 2^retry)), so racing callers spread out. */
export const backoffDelay = (
  policy: BackoffPolicy,
  retry: number,
  random: () => number = Math.random,
): number => Math.floor(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry));

/**
 * Runs `run` until `again` says its result is final, pausing a jittered, growing delay between
 * tries. When the next pause would end past the budget it gives up and returns the last result,
 * so the whole lasts at most budgetMs plus one try.
 */
export const retryWithBackoff = async <R>(
  policy: BackoffPolicy,
  run: () => Promise<R>,
  again: (result: R) => boolean,
  timing: BackoffTiming = REAL_BACKOFF_TIMING,
): Promise<R> => {
  const started = timing.now();
  for (let retry = 0; ; retry += 1) {
    const result = await run();
    if (!again(result)) return result;
    const delay = backoffDelay(policy, retry, timing.random);
    if (timing.now() - started + delay > policy.budgetMs) return result;
    await timing.sleep(delay);
  }
};
