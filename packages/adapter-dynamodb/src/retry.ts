import type { DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import { type BackoffPolicy, backoffDelay } from "@owners/app";
import { isRetryable } from "./dynamo-errors.ts";

/**
 * The one retry of throttled and transient DynamoDB failures, run by the SDK client itself (so a
 * resent transaction keeps its ClientRequestToken and a lost response is answered idempotently).
 * Nothing above it retries the same failures again: the adapters send once, and a call that
 * outlasts the budget is STORE.UNAVAILABLE. Well inside the API's 10 s timeout.
 */
export const THROTTLE_RETRY_POLICY: BackoffPolicy = {
  budgetMs: 3_000,
  baseDelayMs: 25,
  maxDelayMs: 1_000,
};

type RetryStrategy = Extract<
  NonNullable<DynamoDBClientConfig["retryStrategy"]>,
  { acquireInitialRetryToken: unknown }
>;

interface BudgetToken {
  readonly started: number;
  readonly retries: number;
  readonly delay: number;
  getRetryCount(): number;
  getRetryDelay(): number;
}

const token = (started: number, retries: number, delay: number): BudgetToken => ({
  started,
  retries,
  delay,
  getRetryCount: () => retries,
  getRetryDelay: () => delay,
});

/**
 * The SDK's retry loop on our policy: it retries only what `isRetryable` accepts, pauses with full
 * jitter, and gives up (rethrowing the last error) once the next pause would end past the budget,
 * counted from the first try of each call.
 */
export const boundedRetryStrategy = (
  policy: BackoffPolicy = THROTTLE_RETRY_POLICY,
  now: () => number = () => performance.now(),
): RetryStrategy => ({
  acquireInitialRetryToken: async () => token(now(), 0, 0),
  refreshRetryTokenForRetry: async (previous, info) => {
    const { started, retries } = previous as BudgetToken;
    const error = info.error;
    if (!isRetryable(error)) throw error;
    const delay = backoffDelay(policy, retries);
    if (now() - started + delay > policy.budgetMs) throw error;
    return token(started, retries + 1, delay);
  },
  recordSuccess: () => {},
});
