import * as E from "fp-ts/lib/Either.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { describe, expect, it } from "vitest";
import { retryOnConflict } from "./conflict-retry.ts";
import { type AppError, appError } from "./errors.ts";

const policy = { budgetMs: 80, baseDelayMs: 1, maxDelayMs: 8 };
const conflict = appError("STORE.VERSION_CONFLICT", "lost the race");

/** An attempt that answers from `answers` in turn (the last one again when they run out). */
const scripted = (answers: E.Either<AppError, string>[]) => {
  let calls = 0;
  const attempt = () => {
    const answer = answers[Math.min(calls, answers.length - 1)] as E.Either<AppError, string>;
    calls += 1;
    return TE.fromEither(answer);
  };
  return { attempt, calls: () => calls };
};

describe("retryOnConflict", () => {
  it("runs the attempt again after lost races until it wins", async () => {
    const s = scripted([E.left(conflict), E.left(conflict), E.right("done")]);
    expect(await retryOnConflict(policy, s.attempt)()).toEqual(E.right("done"));
    expect(s.calls()).toBe(3);
  });

  it("does not retry any other failure (throttling arrives as STORE.UNAVAILABLE, already retried)", async () => {
    for (const tag of ["STORE.UNAVAILABLE", "STORE.DUPLICATE", "AUTH.FORBIDDEN"] as const) {
      const s = scripted([E.left(appError(tag, "no")), E.right("never")]);
      const result = await retryOnConflict(policy, s.attempt)();
      expect(E.isLeft(result) && result.left._tag).toBe(tag);
      expect(s.calls()).toBe(1);
    }
  });

  it("answers the conflict once the time budget is spent", async () => {
    const s = scripted([E.left(conflict)]);
    const started = performance.now();
    const result = await retryOnConflict(policy, s.attempt)();
    const elapsed = performance.now() - started;
    expect(E.isLeft(result) && result.left._tag).toBe("STORE.VERSION_CONFLICT");
    expect(elapsed).toBeGreaterThanOrEqual(policy.budgetMs - policy.maxDelayMs);
    expect(elapsed).toBeLessThan(policy.budgetMs + 500);
    expect(s.calls()).toBeGreaterThan(3);
  });
});
