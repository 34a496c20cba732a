import type { Clock } from "@owners/app";
import { type Instant, instant, instantFromMillis, millisOf } from "@owners/domain";

/** Real time. */
export const systemClock: Clock = { now: () => instantFromMillis(Date.now()) };

/** A clock that moves only when a test says so. */
export interface ManualClock extends Clock {
  /** Moves time forward by `ms` (never backward: a negative step is a bug in the test). */
  advance(ms: number): Instant;
  /** Jumps to `at`, which must not be earlier than now. */
  set(at: Instant | string): Instant;
  /** Current time in epoch milliseconds. */
  millis(): number;
}

export const makeManualClock = (
  start: Instant | string = "2026-01-01T00:00:00.000Z",
): ManualClock => {
  let current = millisOf(instant(start));
  const moveTo = (next: number): Instant => {
    if (!Number.isFinite(next) || next < current) {
      throw new RangeError(`a manual clock only moves forward (now ${instantFromMillis(current)})`);
    }
    current = next;
    return instantFromMillis(current);
  };
  return {
    now: () => instantFromMillis(current),
    millis: () => current,
    advance: (ms) => moveTo(current + ms),
    set: (at) => moveTo(millisOf(instant(at))),
  };
};

/** A clock stuck at one instant (use cases whose tests need only "now"). */
export const fixedClock = (at: Instant | string): Clock => {
  const fixed = instant(at);
  return { now: () => fixed };
};
