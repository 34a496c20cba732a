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

/** A lone ConditionalCheckFailedException (single-item writes with a condition). */
export const conditionFailedItem = (
  error: unknown,
): { readonly failed: boolean; readonly item?: Item } => {
  if (nameOf(error) !== "ConditionalCheckFailedException") return { failed: false };
  const raw = (error as { Item?: Record<string, never> }).Item;
  return raw === undefined ? { failed: true } : { failed: true, item: unmarshall(raw) as Item };
};

const THROTTLING = new Set([
  "ProvisionedThroughputExceededException",
  "ThrottlingException",
  "RequestLimitExceeded",
  "TransactionInProgressException",
]);

/**
 * Failures that succeed if simply tried again a little later: throttling that outlasted the SDK's
 * own retries, and transactions cancelled only because another transaction held an item
 * (TransactionConflict) — the SDK does not retry those.
 */
export const isRetryable = (error: unknown): boolean => {
  if (THROTTLING.has(nameOf(error))) return true;
  const codes = new Set((cancellationReasons(error) ?? []).map((r) => r.code));
  const transient = ["TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded"];
  return transient.some((code) => codes.has(code)) && !codes.has("ConditionalCheckFailed");
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
