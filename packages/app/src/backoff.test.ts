import { describe, expect, it } from "vitest";
import { type BackoffTiming, backoffDelay, retryWithBackoff } from "./backoff.ts";

const policy = { budgetMs: 1_000, baseDelayMs: 10, maxDelayMs: 200 };

/** A clock that moves only when the loop sleeps (plus `tryMs` per try), and a fixed chance. */
const fakeTiming = (random: number, tryMs = 0) => {
  let now = 0;
  const pauses: number[] = [];
  const timing: BackoffTiming = {
    now: () => now,
    sleep: async (ms) => {
      pauses.push(ms);
      now += ms;
    },
    random: () => random,
  };
  return { timing, pauses, tick: () => (now += tryMs), elapsed: () => now };
};

describe("backoffDelay", () => {
  it("doubles the ceiling each retry up to the cap, and jitters below it", () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((r) => backoffDelay(policy, r, () => 0.999))).toEqual([
      9, 19, 39, 79, 159, 199, 199,
    ]);
    expect(backoffDelay(policy, 3, () => 0)).toBe(0);
    expect(backoffDelay(policy, 3, () => 0.5)).toBe(40);
  });
});

describe("retryWithBackoff", () => {
  it("returns the first final result without pausing", async () => {
    const { timing, pauses } = fakeTiming(0.5);
    const result = await retryWithBackoff(
      policy,
      async () => 7,
      () => false,
      timing,
    );
    expect(result).toBe(7);
    expect(pauses).toEqual([]);
  });

  it("tries again with growing pauses until a result is final", async () => {
    const { timing, pauses } = fakeTiming(0.999);
    let tries = 0;
    const result = await retryWithBackoff(
      policy,
      async () => ++tries,
      (n) => n < 4,
      timing,
    );
    expect(result).toBe(4);
    expect(pauses).toEqual([9, 19, 39]);
  });

  it("gives up with the last result once the next pause would end past the budget", async () => {
    const fake = fakeTiming(0.999, 30);
    let tries = 0;
    const result = await retryWithBackoff(
      policy,
      async () => {
        fake.tick();
        return ++tries;
      },
      () => true,
      fake.timing,
    );
    expect(fake.elapsed()).toBeLessThanOrEqual(policy.budgetMs + 30);
    expect(fake.elapsed() + 199).toBeGreaterThan(policy.budgetMs - 30);
    expect(result).toBe(tries);
    expect(tries).toBeGreaterThan(4);
  });

  it("bounds the time even when every try fails at once and the pauses are tiny", async () => {
    const started = performance.now();
    let tries = 0;
    await retryWithBackoff(
      { budgetMs: 60, baseDelayMs: 1, maxDelayMs: 4 },
      async () => ++tries,
      () => true,
    );
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(55);
    expect(elapsed).toBeLessThan(1_000);
    expect(tries).toBeGreaterThan(5);
  });
});
