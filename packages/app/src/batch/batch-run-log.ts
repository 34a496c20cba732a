import type { Instant } from "@owners/domain";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { BatchRunReport } from "./runner.ts";

/**
 * One run of a batch over one scope as the console shows it: its progress (kept current after
 * every chunk), the report of its last invocation, or why that invocation failed.
 */
export interface BatchRunRecord {
  readonly batch: string;
  /** A plan id, or `all`. */
  readonly scope: string;
  readonly runId: string;
  /** `running` while an invocation works on it; `paused` out of time; `failed` on an error. */
  readonly status: "running" | "paused" | "finished" | "failed";
  readonly startedAt: Instant;
  readonly updatedAt: Instant;
  /** Chunks done over all invocations, and the counters summed over them. */
  readonly chunks: number;
  readonly counts: Readonly<Record<string, number>>;
  /** The last invocation's report, once one ended. */
  readonly lastReport?: BatchRunReport;
  /** Why the last invocation stopped with an error (the run resumes from its checkpoint). */
  readonly failure?: { readonly code: string; readonly message: string };
}

/** Recent runs of each batch, for the admins' console. */
export interface BatchRunLog {
  /** Stores the run's record, replacing the one with the same (batch, scope, runId). */
  record(run: BatchRunRecord): TE.TaskEither<AppError, void>;
  /** Up to `limit` (1..50) of the batch's runs over any scope, the latest started first. */
  recent(batch: string, limit: number): TE.TaskEither<AppError, readonly BatchRunRecord[]>;
}

/** How many runs the log keeps findable per batch, at least (older ones may expire). */
export const MAX_RECENT_RUNS = 50;
