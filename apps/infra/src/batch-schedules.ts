import { BATCH_NAMES, type BatchName } from "@owners/app";
import { Duration } from "aws-cdk-lib";

/** How one batch runs in AWS. */
export interface BatchSchedule {
  readonly name: BatchName;
  /** The export of apps/batch/src/lambda.ts that runs it: `close-sales` -> `closeSales`. */
  readonly handlerExport: string;
  readonly every: Duration;
  /** Lambda timeout; each batch stops starting chunks a safety margin before it. */
  readonly timeout: Duration;
  readonly memoryMb: number;
}

/** `close-sales` -> `closeSales`: how apps/batch/src/lambda.ts names each batch's handler. */
export const handlerExportOf = (batch: string): string =>
  batch.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * Rates: notifications are what a user waits for (every 5 minutes); sales close and waitlist
 * offers lapse at times people were told (every 15 minutes); harvests and shipments follow a
 * producer's entries made during the day (hourly); analytics is daily. Timeouts: the chunked
 * batches resume from their checkpoint, so a timeout only bounds one invocation; the plan
 * batches get Lambda's full 15 minutes because one plan may have 100k ownerships.
 */
/**
 * Issue 14's payment batches, named here before their code registers them in BATCH_NAMES, so they
 * get these schedules from the day they do.
 */
export type PaymentBatchName = "reconcile-payments" | "refund-cancelled-plans";

const KNOWN: Partial<
  Record<BatchName | PaymentBatchName, Omit<BatchSchedule, "name" | "handlerExport">>
> = {
  "flush-notifications": {
    every: Duration.minutes(5),
    timeout: Duration.minutes(2),
    memoryMb: 512,
  },
  "close-sales": { every: Duration.minutes(15), timeout: Duration.minutes(5), memoryMb: 512 },
  "expire-offers": { every: Duration.minutes(15), timeout: Duration.minutes(5), memoryMb: 512 },
  "allocate-harvests": { every: Duration.hours(1), timeout: Duration.minutes(15), memoryMb: 1024 },
  "schedule-shipments": { every: Duration.hours(1), timeout: Duration.minutes(15), memoryMb: 1024 },
  // Holds past their time are asked about and the ledger compared with the processor: hourly
  // (issue 14), a mismatch counted in Owners/Payments ReconciliationMismatch and alarmed.
  "reconcile-payments": {
    every: Duration.hours(1),
    timeout: Duration.minutes(15),
    memoryMb: 1024,
  },
  // Owners of a cancelled plan wait for their money: a quarter of an hour at most (also run on
  // demand with POST /admin/batches/refund-cancelled-plans); declined refunds are retried by it.
  "refund-cancelled-plans": {
    every: Duration.minutes(15),
    timeout: Duration.minutes(15),
    memoryMb: 1024,
  },
  // The API's provisioned concurrency is set at each plan's warm-up edges (one-off schedules);
  // this recount every quarter hour catches an edge whose schedule was lost. One quick chunk.
  "warm-api": { every: Duration.minutes(15), timeout: Duration.minutes(1), memoryMb: 512 },
  // Parcels unconfirmed for 7 days count as delivered, plans move to shipped / completed: the
  // day's granularity needs no more than hourly.
  "deliver-parcels": { every: Duration.hours(1), timeout: Duration.minutes(15), memoryMb: 1024 },
  // Builds Parquet files in memory segment by segment: more memory, and more CPU with it.
  "export-analytics": { every: Duration.days(1), timeout: Duration.minutes(15), memoryMb: 2048 },
  // The day-before reminder of an experience: hourly is close enough to "the day before".
  "remind-experiences": { every: Duration.hours(1), timeout: Duration.minutes(5), memoryMb: 512 },
};

/** A batch added to BATCH_NAMES gets a schedule with these until someone tunes it above. */
const DEFAULT: Omit<BatchSchedule, "name" | "handlerExport"> = {
  every: Duration.hours(1),
  timeout: Duration.minutes(15),
  memoryMb: 1024,
};

/** How a batch of this name runs: its tuned schedule, or the default. */
export const scheduleOf = <N extends BatchName | PaymentBatchName>(
  name: N,
): Omit<BatchSchedule, "name"> & { readonly name: N } => ({
  name,
  handlerExport: handlerExportOf(name),
  ...(KNOWN[name] ?? DEFAULT),
});

/** One schedule per batch in BATCH_NAMES, the registry the CLI and the API use too. */
export const BATCH_SCHEDULES: readonly BatchSchedule[] = BATCH_NAMES.map((name) =>
  scheduleOf(name),
);

/** No chunk starts with less than this left: a quarter of the timeout, at most a minute. */
export const safetyMarginOf = (timeout: Duration): Duration =>
  Duration.seconds(Math.min(60, Math.floor(timeout.toSeconds() / 4)));
