import { describe, expect, it } from "vitest";
import { ApiError, problemOf } from "../api/problem";
import { QUERY_RETRIES, shouldRetryQuery } from "./query-client";

const answered = (status: number) =>
  new ApiError(problemOf({ title: "t", status, code: `HTTP.${status}` }, status));

describe("which failed reads are tried again", () => {
  it("never a 4xx problem: asking again gets the same answer", () => {
    for (const status of [400, 401, 403, 404, 409, 422, 429])
      expect(shouldRetryQuery(0, answered(status)), String(status)).toBe(false);
  });

  it("a lost answer (network, 5xx), a few times and no more", () => {
    for (const error of [answered(500), answered(503), new TypeError("Failed to fetch")]) {
      expect(shouldRetryQuery(0, error)).toBe(true);
      expect(shouldRetryQuery(QUERY_RETRIES - 1, error)).toBe(true);
      expect(shouldRetryQuery(QUERY_RETRIES, error)).toBe(false);
    }
  });
});
