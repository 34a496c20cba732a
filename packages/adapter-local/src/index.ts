/** Adapters on this machine's own resources: clocks, ids and timers (real ones for every deployment, manual ones for tests), and the local twins of cloud services for `pnpm start` (in-process scheduler, file notifier). */
export * from "./clock.ts";
export * from "./file-notifier.ts";
export * from "./id-generator.ts";
export * from "./in-process-scheduler.ts";
export * from "./timer.ts";
