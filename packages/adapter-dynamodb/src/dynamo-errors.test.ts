import { describe, expect, it } from "vitest";
import { isRetryable } from "./dynamo-errors.ts";

/** An error shaped as the SDK throws it. */
const sdkError = (name: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(name), { name, $metadata: { httpStatusCode: 400 }, ...extra });

const cancelled = (...codes: string[]) =>
  sdkError("TransactionCanceledException", {
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

describe("isRetryable", () => {
  it.each([
    ["throttling", sdkError("ProvisionedThroughputExceededException")],
    ["on-demand throttling", sdkError("ThrottlingException")],
    ["the account's request limit", sdkError("RequestLimitExceeded")],
    ["a transaction still in progress", sdkError("TransactionInProgressException")],
    ["a 500", sdkError("InternalServerError", { $metadata: { httpStatusCode: 500 } })],
    ["a 503", sdkError("ServiceUnavailable", { $metadata: { httpStatusCode: 503 } })],
    ["a 429", sdkError("TooManyRequests", { $metadata: { httpStatusCode: 429 } })],
    ["a timeout", sdkError("TimeoutError")],
    ["a reset connection", Object.assign(new Error("socket hang up"), { code: "ECONNRESET" })],
    ["a transaction conflict", cancelled("None", "TransactionConflict")],
    ["a throttled transaction", cancelled("ThrottlingError", "None")],
  ])("retries %s", (_what, error) => {
    expect(isRetryable(error)).toBe(true);
  });

  it.each([
    ["a failed condition", sdkError("ConditionalCheckFailedException")],
    ["a transaction whose condition failed", cancelled("ConditionalCheckFailed", "None")],
    [
      "a conflict next to a failed condition (the condition decides)",
      cancelled("TransactionConflict", "ConditionalCheckFailed"),
    ],
    ["a validation error", sdkError("ValidationException")],
    ["a missing table", sdkError("ResourceNotFoundException")],
    ["a refused credential", sdkError("AccessDeniedException")],
    ["a reused idempotency token", sdkError("IdempotentParameterMismatchException")],
    ["an aborted request", sdkError("AbortError", { $metadata: { httpStatusCode: 503 } })],
    ["a bug", new TypeError("x is undefined")],
    ["a non-error", "boom"],
  ])("does not retry %s", (_what, error) => {
    expect(isRetryable(error)).toBe(false);
  });
});
