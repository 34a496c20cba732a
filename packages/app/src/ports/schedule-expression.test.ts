import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  atExpression,
  parseRate,
  rateExpression,
  validateScheduleName,
} from "./schedule-expression.ts";

const right = <A>(either: E.Either<unknown, A>): A => {
  if (E.isLeft(either)) throw new Error(`expected Right, got ${JSON.stringify(either.left)}`);
  return either.right;
};

describe("parseRate", () => {
  it("reads minutes, hours and days into an interval", () => {
    expect(right(parseRate("5 minutes"))).toEqual({
      value: 5,
      unit: "minute",
      intervalMs: 300_000,
    });
    expect(right(parseRate("1 minute")).intervalMs).toBe(60_000);
    expect(right(parseRate("1 hour")).intervalMs).toBe(3_600_000);
    expect(right(parseRate("2 days")).intervalMs).toBe(172_800_000);
  });

  it("rejects what EventBridge rejects: zero, fractions, wrong plurals, unknown units", () => {
    for (const rate of [
      "0 minutes",
      "1.5 hours",
      "1 minutes",
      "5 minute",
      "5 seconds",
      "5",
      "",
      "-1 days",
      "rate(5 minutes)",
    ]) {
      const parsed = parseRate(rate);
      expect(E.isLeft(parsed) && parsed.left._tag).toBe("VALIDATION.INVALID");
    }
  });

  it("writes the EventBridge expression back", () => {
    expect(rateExpression(right(parseRate("5 minutes")))).toBe("rate(5 minutes)");
    expect(rateExpression(right(parseRate("1 day")))).toBe("rate(1 day)");
  });
});

describe("atExpression", () => {
  it("writes a UTC at() with whole seconds", () => {
    expect(right(atExpression("2026-11-28T12:00:00.000Z"))).toBe("at(2026-11-28T12:00:00)");
    expect(right(atExpression("2026-11-28T21:00:00+09:00"))).toBe("at(2026-11-28T12:00:00)");
  });

  it("rounds a fractional second up so a one-off never runs early", () => {
    expect(right(atExpression("2026-11-28T12:00:00.001Z"))).toBe("at(2026-11-28T12:00:01)");
    expect(right(atExpression("2026-12-31T23:59:59.500Z"))).toBe("at(2027-01-01T00:00:00)");
  });

  it("rejects what is not an instant", () => {
    expect(E.isLeft(atExpression("tomorrow"))).toBe(true);
    expect(E.isLeft(atExpression("2026-13-01T00:00:00Z"))).toBe(true);
  });
});

describe("validateScheduleName", () => {
  it("accepts EventBridge's alphabet up to 64 characters and nothing else", () => {
    expect(E.isRight(validateScheduleName("close-sales.plan_01J"))).toBe(true);
    expect(E.isRight(validateScheduleName("a".repeat(64)))).toBe(true);
    for (const name of ["", "a".repeat(65), "close sales", "offer:123", "a/b"]) {
      expect(E.isLeft(validateScheduleName(name))).toBe(true);
    }
  });
});
