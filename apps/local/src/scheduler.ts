import {
  type InProcessScheduler,
  makeInProcessScheduler,
  makeSystemTimer,
  systemClock,
  type Timer,
} from "@owners/adapter-local";
import type { AppError, Clock } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";

/** Runs a named batch once (as the platform) and returns its report. */
export type BatchRunner = (
  name: string,
  input?: Readonly<Record<string, string>>,
) => TE.TaskEither<AppError, unknown>;

/** The local timetable: the same batch names and rates as the EventBridge schedules in AWS. */
export const LOCAL_SCHEDULES = [
  { batch: "close-sales", rate: "1 minute" },
  { batch: "expire-offers", rate: "1 minute" },
  { batch: "allocate-harvests", rate: "5 minutes" },
  { batch: "schedule-shipments", rate: "5 minutes" },
  { batch: "refund-cancelled-plans", rate: "1 minute" },
  // Hourly in AWS too.
  { batch: "reconcile-payments", rate: "1 hour" },
  // Daily in AWS; hourly here so `pnpm analytics` soon sees what a session changed.
  { batch: "export-analytics", rate: "1 hour" },
  // Hourly in AWS; parcels come due by the day.
  { batch: "deliver-parcels", rate: "5 minutes" },
] as const;

/**
 * Notifications are flushed more often than any schedule rate can say (EventBridge's smallest is
 * one minute), so they get their own loop on the same timer.
 */
export const FLUSH_EVERY_MS = 30_000;

export interface LocalScheduler {
  readonly scheduler: InProcessScheduler;
  /** Stops every timer and waits for the runs in progress to finish. */
  stop(): Promise<void>;
}

export interface LocalSchedulerOptions {
  readonly run: BatchRunner;
  readonly onError: (batch: string, error: unknown) => void;
  /** Real time by default; tests pass a ManualClock and its ManualTimer. */
  readonly clock?: Clock;
  readonly timer?: Timer;
}

/** Declares the local timetable on an in-process scheduler and starts the notification loop. */
export const startLocalScheduler = async (
  options: LocalSchedulerOptions,
): Promise<LocalScheduler> => {
  const timer = options.timer ?? makeSystemTimer();
  const scheduler = makeInProcessScheduler({
    clock: options.clock ?? systemClock,
    timer,
    run: (invocation) => options.run(invocation.batch, invocation.input),
    onError: options.onError,
  });
  for (const { batch, rate } of LOCAL_SCHEDULES) {
    const declared = await scheduler.scheduleRecurring(batch, rate, { batch })();
    if (E.isLeft(declared)) throw new Error(`schedule ${batch}: ${declared.left.message}`);
  }

  let stopped = false;
  let flushing: Promise<void> = Promise.resolve();
  const flushLoop = () => {
    if (stopped) return;
    flushing = options
      .run("flush-notifications")()
      .then(
        (result) => {
          if (E.isLeft(result)) options.onError("flush-notifications", result.left);
        },
        (error: unknown) => options.onError("flush-notifications", error),
      )
      .finally(() => {
        if (!stopped) handle = timer.schedule(flushLoop, FLUSH_EVERY_MS);
      });
  };
  let handle = timer.schedule(flushLoop, FLUSH_EVERY_MS);

  return {
    scheduler,
    stop: async () => {
      stopped = true;
      timer.cancel(handle);
      scheduler.stop();
      await Promise.all([scheduler.idle(), flushing]);
    },
  };
};
