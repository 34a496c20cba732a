import type { BatchInvocation } from "@owners/app";
import { type AppError, appError } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { describe, expect, it } from "vitest";
import { makeManualClock } from "./clock.ts";
import { type InProcessSchedulerOptions, makeInProcessScheduler } from "./in-process-scheduler.ts";
import { makeManualTimer } from "./timer.ts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

interface Run {
  readonly name: string;
  readonly batch: string;
  readonly at: string;
}

const setup = (overrides: Partial<InProcessSchedulerOptions> = {}) => {
  const clock = makeManualClock("2026-06-01T00:00:00.000Z");
  const timer = makeManualTimer(clock);
  const runs: Run[] = [];
  const errors: { name: string; error: unknown }[] = [];
  const scheduler = makeInProcessScheduler({
    clock,
    timer,
    run: (invocation: BatchInvocation, name: string) =>
      TE.fromIO(() => {
        runs.push({ name, batch: invocation.batch, at: clock.now() });
      }),
    onError: (name, error) => errors.push({ name, error }),
    ...overrides,
  });
  const ok = async (task: TE.TaskEither<AppError, void>) => {
    const result = await task();
    if (E.isLeft(result)) throw new Error(result.left.message);
  };
  return { clock, timer, runs, errors, scheduler, ok };
};

describe("in-process scheduler: recurring", () => {
  it("runs at a fixed rate from when it was scheduled, never early", async () => {
    const { timer, runs, scheduler, ok } = setup();
    await ok(scheduler.scheduleRecurring("close-sales", "5 minutes", { batch: "close-sales" }));
    await timer.advance(5 * MINUTE - 1);
    expect(runs).toEqual([]);
    await timer.advance(1);
    await timer.advance(10 * MINUTE);
    expect(runs.map((r) => r.at)).toEqual([
      "2026-06-01T00:05:00.000Z",
      "2026-06-01T00:10:00.000Z",
      "2026-06-01T00:15:00.000Z",
    ]);
    expect(runs.every((r) => r.name === "close-sales" && r.batch === "close-sales")).toBe(true);
  });

  it("is idempotent by name: the same declaration again keeps its phase", async () => {
    const { timer, runs, scheduler, ok } = setup();
    await ok(scheduler.scheduleRecurring("flush", "5 minutes", { batch: "flush-outbox" }));
    await timer.advance(3 * MINUTE);
    await ok(scheduler.scheduleRecurring("flush", "5 minutes", { batch: "flush-outbox" }));
    await timer.advance(2 * MINUTE);
    expect(runs.map((r) => r.at)).toEqual(["2026-06-01T00:05:00.000Z"]);
    expect(scheduler.list()).toHaveLength(1);
  });

  it("replaces a schedule declared again with another rate or input", async () => {
    const { timer, runs, scheduler, ok } = setup();
    await ok(scheduler.scheduleRecurring("flush", "5 minutes", { batch: "flush-outbox" }));
    await timer.advance(MINUTE);
    await ok(scheduler.scheduleRecurring("flush", "1 hour", { batch: "flush-outbox" }));
    await timer.advance(59 * MINUTE);
    expect(runs).toEqual([]);
    await timer.advance(MINUTE);
    expect(runs.map((r) => r.at)).toEqual(["2026-06-01T01:01:00.000Z"]);
    expect(scheduler.list()).toMatchObject([
      { name: "flush", expression: "1 hour", kind: "recurring" },
    ]);
  });

  it("skips a tick that comes while the previous run is still going", async () => {
    let release: () => void = () => {};
    const started: string[] = [];
    const { timer, scheduler, ok, clock } = setup({
      run: () => () => {
        started.push(clock.now());
        return new Promise((resolve) => {
          release = () => resolve(E.right(undefined));
        });
      },
    });
    await ok(scheduler.scheduleRecurring("slow", "1 minute", { batch: "export" }));
    await timer.advance(3 * MINUTE);
    expect(started).toEqual(["2026-06-01T00:01:00.000Z"]);
    expect(scheduler.list()[0]?.skippedTicks).toBe(2);
    release();
    await scheduler.idle();
    await timer.advance(MINUTE);
    expect(started).toEqual(["2026-06-01T00:01:00.000Z", "2026-06-01T00:04:00.000Z"]);
  });

  it("reports a failed or throwing run and keeps the schedule going", async () => {
    let calls = 0;
    const { timer, scheduler, ok, errors } = setup({
      run: () => {
        calls += 1;
        if (calls === 1) return TE.left(appError("STORE.UNAVAILABLE", "table busy"));
        if (calls === 2) throw new Error("bug in batch");
        return TE.right(undefined);
      },
    });
    await ok(scheduler.scheduleRecurring("allocate", "1 minute", { batch: "allocate" }));
    await timer.advance(3 * MINUTE);
    expect(calls).toBe(3);
    expect(errors.map((e) => e.name)).toEqual(["allocate", "allocate"]);
    expect(errors[0]?.error).toMatchObject({ _tag: "STORE.UNAVAILABLE" });
    expect(errors[1]?.error).toBeInstanceOf(Error);
  });
});

describe("in-process scheduler: one-off", () => {
  it("runs once at its instant, then is gone", async () => {
    const { timer, runs, scheduler, ok } = setup();
    await ok(
      scheduler.scheduleOnce("offer-expiry-1", "2026-06-01T09:30:00+09:00", {
        batch: "expire-offer",
        input: { offerId: "o1" },
      }),
    );
    expect(scheduler.list()).toMatchObject([
      { name: "offer-expiry-1", kind: "once", nextRunAt: "2026-06-01T00:30:00.000Z" },
    ]);
    await timer.advance(2 * DAY);
    expect(runs).toEqual([
      { name: "offer-expiry-1", batch: "expire-offer", at: "2026-06-01T00:30:00.000Z" },
    ]);
    expect(scheduler.list()).toEqual([]);
  });

  it("replaces an earlier one-off with the same name", async () => {
    const { timer, runs, scheduler, ok } = setup();
    await ok(scheduler.scheduleOnce("x", "2026-06-01T00:10:00.000Z", { batch: "a" }));
    await ok(scheduler.scheduleOnce("x", "2026-06-01T00:20:00.000Z", { batch: "b" }));
    await timer.advance(DAY);
    expect(runs.map((r) => `${r.batch}@${r.at}`)).toEqual(["b@2026-06-01T00:20:00.000Z"]);
  });

  it("runs a one-off whose time has passed right away", async () => {
    const { timer, runs, scheduler, ok } = setup();
    await ok(scheduler.scheduleOnce("late", "2026-05-31T00:00:00.000Z", { batch: "catch-up" }));
    await timer.advance(0);
    expect(runs.map((r) => r.at)).toEqual(["2026-06-01T00:00:00.000Z"]);
  });

  it("waits months ahead without overflowing setTimeout's 24.8-day limit", async () => {
    const { timer, runs, scheduler, ok } = setup();
    await ok(
      scheduler.scheduleOnce("season-end", "2026-08-30T00:00:00.000Z", { batch: "complete-plans" }),
    );
    await timer.advance(60 * DAY);
    expect(runs).toEqual([]);
    await timer.advance(30 * DAY);
    expect(runs.map((r) => r.at)).toEqual(["2026-08-30T00:00:00.000Z"]);
  });
});

describe("in-process scheduler: cancel, validation, stop", () => {
  it("cancels by name, and cancelling an unknown name succeeds", async () => {
    const { timer, runs, scheduler, ok } = setup();
    await ok(scheduler.scheduleRecurring("r", "1 minute", { batch: "r" }));
    await ok(scheduler.scheduleOnce("o", "2026-06-01T00:05:00.000Z", { batch: "o" }));
    await ok(scheduler.cancel("r"));
    await ok(scheduler.cancel("o"));
    await ok(scheduler.cancel("never-scheduled"));
    await timer.advance(DAY);
    expect(runs).toEqual([]);
    expect(timer.pendingCount()).toBe(0);
  });

  it("rejects names, rates and instants EventBridge would reject, scheduling nothing", async () => {
    const { scheduler } = setup();
    const results = await Promise.all([
      scheduler.scheduleRecurring("bad name!", "5 minutes", { batch: "x" })(),
      scheduler.scheduleRecurring("ok", "5 mins", { batch: "x" })(),
      scheduler.scheduleOnce("ok", "next tuesday", { batch: "x" })(),
    ]);
    expect(results.map((r) => (E.isLeft(r) ? r.left._tag : "ok"))).toEqual([
      "VALIDATION.INVALID",
      "VALIDATION.INVALID",
      "VALIDATION.INVALID",
    ]);
    expect(scheduler.list()).toEqual([]);
  });

  it("stop clears every timer", async () => {
    const { timer, runs, scheduler, ok } = setup();
    await ok(scheduler.scheduleRecurring("r", "1 minute", { batch: "r" }));
    scheduler.stop();
    await timer.advance(DAY);
    expect(runs).toEqual([]);
    expect(timer.pendingCount()).toBe(0);
  });
});
