import type { Scheduler } from "@owners/app";
import { lazyPort } from "./lazy-port.ts";

/** The EventBridge Scheduler client, loaded on the first schedule a request makes. */
export const lazyScheduler = (load: () => Promise<Scheduler>): Scheduler =>
  lazyPort<Scheduler>(
    { scheduleRecurring: true, scheduleOnce: true, cancel: true },
    load,
    "the scheduler",
    "SCHEDULER.UNAVAILABLE",
  );
