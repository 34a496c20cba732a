import { unmarshall } from "@aws-sdk/util-dynamodb";
import { type AppError, appError } from "@owners/app";
import type { Item } from "./item.ts";

/** One entry of a cancelled transaction's CancellationReasons, its old item already unmarshalled. */
export interface CancellationReason {
  readonly code: string;
  /** The item as it was, when the failed operation asked for ReturnValuesOnConditionCheckFailure. */
  readonly item?: Item;
}

const nameOf = (error: unknown): string =>
  typeof error === "object" && error !== null && "name" in error
    ? String((error as { name: unknown }).name)
    : "";

/**
 * The reasons of a TransactionCanceledException, aligned with the transaction's items; undefined
 * for any other error. The document client does not unmarshall errors, so it is done here.
 */
export const cancellationReasons = (error: unknown): readonly CancellationReason[] | undefined => {
  if (nameOf(error) !== "TransactionCanceledException") return undefined;
  const reasons = (
    error as { CancellationReasons?: { Code?: string; Item?: Record<string, never> }[] }
  ).CancellationReasons;
  return (reasons ?? []).map((reason) =>
    reason.Item === undefined
      ? { code: reason.Code ?? "None" }
      : { code: reason.Code ?? "None", item: unmarshall(reason.Item) as Item },
  );
};

export const isConditionFailed = (reason: CancellationReason | undefined): boolean =>
  reason?.code === "ConditionalCheckFailed";

/**
 * An item of a cancelled transaction that was too busy once the client's retries were spent: over
 * its throughput, or still held by other transactions (a hot item either way).
 */
export const isContended = (reason: CancellationReason | undefined): boolean =>
  reason?.code === "ThrottlingError" ||
  reason?.code === "ProvisionedThroughputExceeded" ||
  reason?.code === "TransactionConflict";

/** A lone ConditionalCheckFailedException (single-item writes with a condition). */
export const conditionFailedItem = (
  error: unknown,
): { readonly failed: boolean; readonly item?: Item } => {
  if (nameOf(error) !== "ConditionalCheckFailedException") return { failed: false };
  const raw = (error as { Item?: Record<string, never> }).Item;
  return raw === undefined ? { failed: true } : { failed: true, item: unmarshall(raw) as Item };
};

// DynamoDB's throttling, by error name (the SDK's own list, narrowed to what DynamoDB sends).
const THROTTLING = new Set([
  "ProvisionedThroughputExceededException",
  "ThrottlingException",
  "RequestLimitExceeded",
  "TransactionInProgressException",
]);

// Failures of the request rather than of its content: timeouts and dropped connections.
const TRANSIENT_NAMES = new Set(["TimeoutError", "RequestTimeout", "RequestTimeoutException"]);
const NETWORK_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);

// Cancellation reasons that a later identical transaction would not meet.
const TRANSIENT_REASONS = [
  "TransactionConflict",
  "ThrottlingError",
  "ProvisionedThroughputExceeded",
];

const field = (error: unknown, name: string): unknown =>
  typeof error === "object" && error !== null
    ? (error as Record<string, unknown>)[name]
    : undefined;

const statusOf = (error: unknown): number | undefined => {
  const status = (field(error, "$metadata") as { httpStatusCode?: unknown } | undefined)
    ?.httpStatusCode;
  return typeof status === "number" ? status : undefined;
};

/**
 * Failures that succeed if simply tried again a little later, and so the only ones the client
 * retries (retry.ts): throttling, 5xx answers, timeouts and network errors,
 * and transactions cancelled only because another transaction held an item (TransactionConflict)
 * or throttled. A failed condition is never retryable: it is a business answer.
 */
export const isRetryable = (error: unknown): boolean => {
  const name = nameOf(error);
  if (name === "AbortError") return false;
  if (THROTTLING.has(name) || TRANSIENT_NAMES.has(name)) return true;
  const status = statusOf(error);
  if (status !== undefined && (status === 429 || status >= 500)) return true;
  const code = field(error, "code");
  if (typeof code === "string" && NETWORK_CODES.has(code)) return true;
  const codes = new Set((cancellationReasons(error) ?? []).map((r) => r.code));
  return TRANSIENT_REASONS.some((c) => codes.has(c)) && !codes.has("ConditionalCheckFailed");
};

/** Any failure no business rule explains: the store is unreachable or misbehaving. */
export const storeUnavailable = (error: unknown): AppError =>
  appError("STORE.UNAVAILABLE", "the database did not complete the request", {
    cause: nameOf(error) || String(error),
  });

/** An AppError value thrown inside an adapter's try block (not an exception from the SDK). */
export const isAppError = (error: unknown): error is AppError =>
  typeof error === "object" &&
  error !== null &&
  "_tag" in error &&
  "message" in error &&
  !(error instanceof Error);
