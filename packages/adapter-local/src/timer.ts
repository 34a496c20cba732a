import type { ManualClock } from "./clock.ts";

/** setTimeout's largest delay; a longer one fires at once in Node (with only a warning). */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

export interface TimerHandle {
  readonly timerId: number;
}

/** One-shot timers, injectable so that scheduling code is tested without waiting. */
export interface Timer {
  /** Calls `callback` once, `delayMs` (0..MAX_TIMER_DELAY_MS) from now. */
  schedule(callback: () => void, delayMs: number): TimerHandle;
  /** Stops a timer that has not fired; nothing happens otherwise. */
  cancel(handle: TimerHandle): void;
}

const checkDelay = (delayMs: number) => {
  if (!(delayMs >= 0 && delayMs <= MAX_TIMER_DELAY_MS)) {
    throw new RangeError(`timer delay out of range: ${delayMs} ms`);
  }
};

/**
 * Real timers. They are unref'd: a pending schedule alone does not keep the process alive
 * (the HTTP server does), so scripts and tests exit when their work is done.
 */
export const makeSystemTimer = (): Timer => {
  const active = new Map<number, NodeJS.Timeout>();
  let nextId = 0;
  return {
    schedule: (callback, delayMs) => {
      checkDelay(delayMs);
      nextId += 1;
      const timerId = nextId;
      const timeout = setTimeout(() => {
        active.delete(timerId);
        callback();
      }, delayMs);
      timeout.unref();
      active.set(timerId, timeout);
      return { timerId };
    },
    cancel: (handle) => {
      clearTimeout(active.get(handle.timerId));
      active.delete(handle.timerId);
    },
  };
};

/** Timers on a ManualClock: nothing fires until the test advances time. */
export interface ManualTimer extends Timer {
  /**
   * Moves the clock forward by `ms`, firing every timer that falls due on the way in time order
   * (the clock reads each timer's due time while it fires), letting the work they start settle.
   */
  advance(ms: number): Promise<void>;
  /** Timers not yet fired. */
  pendingCount(): number;
}

interface PendingTimer {
  readonly timerId: number;
  readonly dueAt: number;
  readonly callback: () => void;
}

/** Lets promise chains started by a callback run to completion before time moves on. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

export const makeManualTimer = (clock: ManualClock): ManualTimer => {
  const pending = new Map<number, PendingTimer>();
  let nextId = 0;
  const earliestDueBy = (limit: number): PendingTimer | undefined => {
    let earliest: PendingTimer | undefined;
    for (const timer of pending.values()) {
      // Map order is creation order, so equal due times fire in the order they were set.
      if (timer.dueAt <= limit && (earliest === undefined || timer.dueAt < earliest.dueAt))
        earliest = timer;
    }
    return earliest;
  };
  return {
    schedule: (callback, delayMs) => {
      checkDelay(delayMs);
      nextId += 1;
      pending.set(nextId, { timerId: nextId, dueAt: clock.millis() + delayMs, callback });
      return { timerId: nextId };
    },
    cancel: (handle) => {
      pending.delete(handle.timerId);
    },
    advance: async (ms) => {
      const target = clock.millis() + ms;
      await settle();
      for (let due = earliestDueBy(target); due !== undefined; due = earliestDueBy(target)) {
        pending.delete(due.timerId);
        if (due.dueAt > clock.millis()) clock.advance(due.dueAt - clock.millis());
        due.callback();
        await settle();
      }
      clock.advance(target - clock.millis());
      await settle();
    },
    pendingCount: () => pending.size,
  };
};
