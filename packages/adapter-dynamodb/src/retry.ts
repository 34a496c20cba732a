import { isRetryable } from "./dynamo-errors.ts";

export interface RetryPolicy {
  /** Tries in all, the first included. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 8,
  baseDelayMs: 20,
  maxDelayMs: 2_000,
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Exponential backoff with full jitter: a uniform delay in [0, min(max, base * 2^retry)). */
export const backoffDelay = (
  policy: RetryPolicy,
  retry: number,
  random: () => number = Math.random,
): number => Math.floor(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry));

/**
 * Calls `send` until it succeeds, fails with a non-retryable error, or runs out of attempts (the
 * last error is rethrown). Every write it retries is conditional or keyed by a deterministic id,
 * so a retry of a write that did land changes nothing.
 */
export const withRetry = async <A>(
  send: () => Promise<A>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<A> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= policy.attempts || !isRetryable(error)) throw error;
      await sleep(backoffDelay(policy, attempt - 1));
    }
  }
};
