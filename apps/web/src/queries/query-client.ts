import { QueryClient } from "@tanstack/react-query";
import { problemFromError } from "../api/problem";
import { isRetryable } from "../idempotency";

/** How many times a read is tried again after a network failure or a 5xx. */
export const QUERY_RETRIES = 3;

/**
 * A 4xx problem (not found, forbidden, invalid) answers the same however often it is asked, so
 * only lost answers (network, 5xx) are retried, and only a few times.
 */
export const shouldRetryQuery = (failureCount: number, error: unknown): boolean =>
  failureCount < QUERY_RETRIES && isRetryable(problemFromError(error).status);

/**
 * The site's cache. Writes are never retried on their own: the person sees the problem and
 * tries again (the reservation reuses its Idempotency-Key then). Tests pass `retryDelay: 0`.
 */
export const makeQueryClient = (options: { retryDelay?: number } = {}): QueryClient =>
  new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetryQuery,
        ...(options.retryDelay === undefined ? {} : { retryDelay: options.retryDelay }),
      },
      mutations: { retry: false },
    },
  });
