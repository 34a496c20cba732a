import type { AppError, BatchInvocation, Clock, Scheduler } from "@owners/app";
import { parseAt, parseRate, validateScheduleName } from "@owners/app";
import { type Instant, instantFromMillis } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { MAX_TIMER_DELAY_MS, type Timer, type TimerHandle } from "./timer.ts";

export interface InProcessSchedulerOptions {
  /** Runs one batch invocation; a Left or a throw is reported to `onError`, the schedule goes on. */
  readonly run: (
    invocation: BatchInvocation,
    scheduleName: string,
  ) => TE.TaskEither<AppError, unknown>;
  readonly clock: Clock;
  readonly timer: Timer;
  readonly onError?: (scheduleName: string, error: unknown) => void;
}

export interface ScheduleInfo {
  readonly name: string;
  readonly kind: "recurring" | "once";
  /** The rate (`"5 minutes"`) of a recurring schedule, the instant of a one-off. */
  readonly expression: string;
  readonly invocation: BatchInvocation;
  readonly nextRunAt: Instant;
  /** Ticks that came while the previous run was still going and were skipped. */
  readonly skippedTicks: number;
}

export interface InProcessScheduler extends Scheduler {
  /** The live schedules, by name. */
  list(): readonly ScheduleInfo[];
  /** Resolves when every run started so far has finished. */
  idle(): Promise<void>;
  /** Clears every timer (shutdown); runs in progress finish. */
  stop(): void;
}

interface Entry {
  readonly name: string;
  readonly kind: "recurring" | "once";
  readonly expression: string;
  readonly invocation: BatchInvocation;
  readonly intervalMs: number;
  nextDueMs: number;
  handle: TimerHandle | undefined;
  running: boolean;
  skippedTicks: number;
}

const sameInvocation = (a: BatchInvocation, b: BatchInvocation) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * The Scheduler of `pnpm start` and the tests: the same contract as EventBridge Scheduler, kept in
 * this process. A recurring schedule ticks at a fixed rate from its creation; a tick that comes
 * while the previous run is still going is skipped (batches checkpoint and would only contend).
 * Nothing survives a restart: the app re-declares its schedules at start-up, idempotently by name.
 */
export const makeInProcessScheduler = (options: InProcessSchedulerOptions): InProcessScheduler => {
  const { clock, timer, run } = options;
  const onError = options.onError ?? (() => {});
  const entries = new Map<string, Entry>();
  const inFlight = new Set<Promise<void>>();
  const nowMs = () => Date.parse(clock.now());

  const disarm = (entry: Entry) => {
    if (entry.handle !== undefined) timer.cancel(entry.handle);
    entry.handle = undefined;
  };

  // Long waits are cut into setTimeout-sized pieces; `fire` re-arms until the due time is reached.
  const arm = (entry: Entry) => {
    const delay = Math.min(Math.max(0, entry.nextDueMs - nowMs()), MAX_TIMER_DELAY_MS);
    entry.handle = timer.schedule(() => fire(entry), delay);
  };

  const start = (entry: Entry) => {
    entry.running = true;
    const done = Promise.resolve()
      .then(() => run(entry.invocation, entry.name)())
      .then(
        (result) => {
          if (E.isLeft(result)) onError(entry.name, result.left);
        },
        (error: unknown) => onError(entry.name, error),
      )
      .finally(() => {
        entry.running = false;
        inFlight.delete(done);
      });
    inFlight.add(done);
  };

  const fire = (entry: Entry) => {
    entry.handle = undefined;
    if (entries.get(entry.name) !== entry) return; // cancelled or replaced meanwhile
    const now = nowMs();
    if (now < entry.nextDueMs) return arm(entry);
    if (entry.kind === "once") {
      entries.delete(entry.name);
    } else {
      // Ticks missed while the process slept are not replayed: the next tick is the next one due.
      while (entry.nextDueMs <= now) entry.nextDueMs += entry.intervalMs;
      arm(entry);
    }
    if (entry.running) {
      entry.skippedTicks += 1;
      return;
    }
    start(entry);
  };

  const install = (entry: Entry) => {
    const previous = entries.get(entry.name);
    if (previous !== undefined) disarm(previous);
    entries.set(entry.name, entry);
    arm(entry);
  };

  const newEntry = (
    fields: Pick<Entry, "name" | "kind" | "expression" | "invocation" | "intervalMs" | "nextDueMs">,
  ): Entry => ({
    ...fields,
    handle: undefined,
    running: false,
    skippedTicks: 0,
  });

  const declareRecurring = (
    name: string,
    rate: string,
    intervalMs: number,
    invocation: BatchInvocation,
  ): void => {
    const existing = entries.get(name);
    // The same declaration again (every start-up) keeps the running schedule and its phase.
    const unchanged =
      existing?.kind === "recurring" &&
      existing.intervalMs === intervalMs &&
      sameInvocation(existing.invocation, invocation);
    if (unchanged) return;
    install(
      newEntry({
        name,
        kind: "recurring",
        expression: rate,
        invocation,
        intervalMs,
        nextDueMs: nowMs() + intervalMs,
      }),
    );
  };

  return {
    scheduleRecurring: (name, rate, invocation) =>
      TE.fromIOEither(() =>
        pipe(
          validateScheduleName(name),
          E.chain(() => parseRate(rate)),
          E.map((parsed) => declareRecurring(name, rate, parsed.intervalMs, invocation)),
        ),
      ),
    scheduleOnce: (name, at, invocation) =>
      TE.fromIOEither(() =>
        pipe(
          validateScheduleName(name),
          E.chain(() => parseAt(at)),
          E.map((instant) =>
            install(
              newEntry({
                name,
                kind: "once",
                expression: instant,
                invocation,
                intervalMs: 0,
                nextDueMs: Date.parse(instant),
              }),
            ),
          ),
        ),
      ),
    cancel: (name) =>
      TE.fromIO(() => {
        const entry = entries.get(name);
        if (entry === undefined) return;
        disarm(entry);
        entries.delete(name);
      }),
    list: () =>
      [...entries.values()]
        .map((entry) => ({
          name: entry.name,
          kind: entry.kind,
          expression: entry.expression,
          invocation: entry.invocation,
          nextRunAt: instantFromMillis(entry.nextDueMs),
          skippedTicks: entry.skippedTicks,
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    idle: async () => {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    stop: () => {
      for (const entry of entries.values()) disarm(entry);
      entries.clear();
    },
  };
};
