import { addMillis, type Instant } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { Clock } from "../ports/clock.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { BatchRunLog, BatchRunRecord } from "./batch-run-log.ts";
import type { BatchCheckpoint, CheckpointStore, CheckpointWrite } from "./checkpoint-store.ts";
import type { LeaseStore } from "./lease-store.ts";

/** Something a chunk could not do that did not stop it (one plan failing in a sweep). */
export interface BatchProblem {
  /** What failed: a plan id, usually. */
  readonly item: string;
  readonly code: string;
  readonly message: string;
}

export interface ChunkOutcome {
  /** What this chunk did, added to the run's counters. */
  readonly counts: Readonly<Record<string, number>>;
  /** Where the next chunk starts; ignored once done. */
  readonly cursor?: string;
  /** The work list is exhausted. */
  readonly done: boolean;
  readonly problems?: readonly BatchProblem[];
}

export interface ChunkContext {
  /** Where this chunk starts: the checkpoint's cursor (undefined at the start of a run). */
  readonly cursor: string | undefined;
  /** The invocation running it (the lease holder). */
  readonly owner: string;
  readonly runId: string;
  /** The run's lease length (a job running nested jobs gives them the same). */
  readonly leaseMs: number;
}

/**
 * A batch over one scope as a sequence of chunks. Each chunk must be idempotent: a crash after
 * it wrote but before its checkpoint was saved makes the next invocation run it again.
 */
export interface BatchJob {
  readonly batch: string;
  /** A plan id, or `all`. */
  readonly scope: string;
  step(chunk: ChunkContext): TE.TaskEither<AppError, ChunkOutcome>;
}

export interface BatchRunnerDeps {
  readonly checkpoints: CheckpointStore;
  readonly leases: LeaseStore;
  /** Where each run's progress and last report are shown to admins (none: not recorded). */
  readonly runs?: BatchRunLog;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export interface BatchProgress {
  readonly batch: string;
  readonly scope: string;
  readonly runId: string;
  /** Chunks the run has finished (all invocations). */
  readonly chunks: number;
  readonly counts: Readonly<Record<string, number>>;
  /** What the chunk just finished did. */
  readonly chunk: Readonly<Record<string, number>>;
}

export interface BatchRunOptions {
  /** Who runs (the lease holder): a Lambda request id, say; a fresh id by default. */
  readonly owner?: string;
  /** Milliseconds left before the host stops this process (Lambda's getRemainingTimeInMillis). */
  readonly remainingTimeMs?: () => number;
  /** No chunk starts with less than this left; the run pauses instead. */
  readonly safetyMarginMs?: number;
  /** How long the lease lasts without renewal; it is renewed after every chunk and while one runs. */
  readonly leaseMs?: number;
  readonly onProgress?: (progress: BatchProgress) => void;
}

export const DEFAULT_SAFETY_MARGIN_MS = 60_000;
export const DEFAULT_LEASE_MS = 5 * 60_000;

export interface BatchRunReport {
  readonly batch: string;
  readonly scope: string;
  readonly runId: string;
  /**
   * `finished`: the work list is done. `paused`: stopped at a chunk boundary for lack of time,
   * with the checkpoint saved; the next invocation resumes.
   */
  readonly outcome: "finished" | "paused";
  /** This invocation carried on a run an earlier one started. */
  readonly resumed: boolean;
  readonly chunksThisInvocation: number;
  /** The run's totals over all its invocations. */
  readonly chunks: number;
  readonly counts: Readonly<Record<string, number>>;
  /** This invocation's problems. */
  readonly problems: readonly BatchProblem[];
  readonly startedAt: Instant;
  readonly updatedAt: Instant;
}

export const addCounts = (
  a: Readonly<Record<string, number>>,
  b: Readonly<Record<string, number>>,
): Record<string, number> => {
  const sum: Record<string, number> = { ...a };
  for (const [name, value] of Object.entries(b)) sum[name] = (sum[name] ?? 0) + value;
  return sum;
};

const writeOf = (checkpoint: BatchCheckpoint): CheckpointWrite => {
  const { version: _version, cursor: _cursor, ...rest } = checkpoint;
  return rest;
};

/** Renews the lease every third of its length while a long chunk runs; stopped before release. */
const startHeartbeat = (deps: BatchRunnerDeps, job: BatchJob, owner: string, leaseMs: number) => {
  let renewing: Promise<unknown> = Promise.resolve();
  const timer = setInterval(
    () => {
      renewing = deps.leases.renew(
        job.batch,
        job.scope,
        owner,
        addMillis(deps.clock.now(), leaseMs),
      )();
    },
    Math.max(1_000, Math.floor(leaseMs / 3)),
  );
  timer.unref?.();
  return async () => {
    clearInterval(timer);
    await renewing;
  };
};

/**
 * Writes the run's record for the console. Best effort: the checkpoint is what a run depends on,
 * so a log that cannot be written does not stop the work (the next write catches it up).
 */
const logRun = async (
  deps: BatchRunnerDeps,
  checkpoint: BatchCheckpoint,
  status: BatchRunRecord["status"],
  extra: Pick<BatchRunRecord, "lastReport" | "failure"> = {},
): Promise<void> => {
  if (deps.runs === undefined) return;
  await deps.runs.record({
    batch: checkpoint.batch,
    scope: checkpoint.scope,
    runId: checkpoint.runId,
    status,
    startedAt: checkpoint.startedAt,
    updatedAt: deps.clock.now(),
    chunks: checkpoint.chunks,
    counts: checkpoint.counts,
    ...extra,
  })();
};

/** The run in progress, resumed; or a new one, its start saved before any work. */
const startOrResume = async (
  deps: BatchRunnerDeps,
  job: BatchJob,
): Promise<E.Either<AppError, { checkpoint: BatchCheckpoint; resumed: boolean }>> => {
  const existing = await deps.checkpoints.get(job.batch, job.scope)();
  if (E.isLeft(existing)) return existing;
  const stored = existing.right;
  if (stored._tag === "Some" && stored.value.status === "running")
    return E.right({ checkpoint: stored.value, resumed: true });
  const now = deps.clock.now();
  const fresh: CheckpointWrite = {
    batch: job.batch,
    scope: job.scope,
    runId: deps.ids.next("run"),
    status: "running",
    chunks: 0,
    counts: {},
    startedAt: now,
    updatedAt: now,
  };
  const saved = await deps.checkpoints.save(
    fresh,
    stored._tag === "Some" ? stored.value.version : 0,
  )();
  return E.map((checkpoint: BatchCheckpoint) => ({ checkpoint, resumed: false }))(saved);
};

/**
 * Runs a batch job under a lease, chunk after chunk, saving the checkpoint after each: a run that
 * stops (out of time) or dies (crash) is resumed by the next invocation from its last checkpoint.
 * Before each chunk it checks the time left and pauses when less than the safety margin remains.
 * A second invocation on the same (batch, scope) backs off with BATCH.LEASE_HELD. Checkpoint saves
 * are conditioned on the version read, so a run whose lease expired and was taken over stops at
 * its next save (STORE.VERSION_CONFLICT) instead of moving the checkpoint back.
 */
export const runBatchJob =
  (deps: BatchRunnerDeps) =>
  (job: BatchJob, options: BatchRunOptions = {}): TE.TaskEither<AppError, BatchRunReport> =>
  async () => {
    const owner = options.owner ?? deps.ids.next("inv");
    const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    const margin = options.safetyMarginMs ?? DEFAULT_SAFETY_MARGIN_MS;
    const remaining = options.remainingTimeMs ?? (() => Number.POSITIVE_INFINITY);
    const expiry = () => addMillis(deps.clock.now(), leaseMs);

    const lease = await deps.leases.acquire(
      job.batch,
      job.scope,
      owner,
      deps.clock.now(),
      expiry(),
    )();
    if (E.isLeft(lease)) return lease;
    const stopHeartbeat = startHeartbeat(deps, job, owner, leaseMs);
    try {
      const started = await startOrResume(deps, job);
      if (E.isLeft(started)) return started;
      let { checkpoint } = started.right;
      await logRun(deps, checkpoint, "running");
      const failed = async (error: AppError): Promise<E.Either<AppError, never>> => {
        await logRun(deps, checkpoint, "failed", {
          failure: { code: error._tag, message: error.message },
        });
        return E.left(error);
      };
      const problems: BatchProblem[] = [];
      let ran = 0;
      let outcome: BatchRunReport["outcome"] = "paused";
      while (remaining() >= margin) {
        const chunk = await job.step({
          cursor: checkpoint.cursor,
          owner,
          runId: checkpoint.runId,
          leaseMs,
        })();
        if (E.isLeft(chunk)) return failed(chunk.left);
        const { counts, cursor, done } = chunk.right;
        const next: CheckpointWrite = {
          ...writeOf(checkpoint),
          ...(done || cursor === undefined ? {} : { cursor }),
          status: done ? "done" : "running",
          chunks: checkpoint.chunks + 1,
          counts: addCounts(checkpoint.counts, counts),
          updatedAt: deps.clock.now(),
        };
        const saved = await deps.checkpoints.save(next, checkpoint.version)();
        if (E.isLeft(saved)) return failed(saved.left);
        checkpoint = saved.right;
        ran += 1;
        problems.push(...(chunk.right.problems ?? []));
        if (!done) await logRun(deps, checkpoint, "running");
        options.onProgress?.({
          batch: job.batch,
          scope: job.scope,
          runId: checkpoint.runId,
          chunks: checkpoint.chunks,
          counts: checkpoint.counts,
          chunk: counts,
        });
        if (done) {
          outcome = "finished";
          break;
        }
        const renewed = await deps.leases.renew(job.batch, job.scope, owner, expiry())();
        if (E.isLeft(renewed)) return failed(renewed.left);
      }
      const report: BatchRunReport = {
        batch: job.batch,
        scope: job.scope,
        runId: checkpoint.runId,
        outcome,
        resumed: started.right.resumed,
        chunksThisInvocation: ran,
        chunks: checkpoint.chunks,
        counts: checkpoint.counts,
        problems,
        startedAt: checkpoint.startedAt,
        updatedAt: checkpoint.updatedAt,
      };
      await logRun(deps, checkpoint, outcome, { lastReport: report });
      return E.right(report);
    } finally {
      await stopHeartbeat();
      // A lease that cannot be given up (the store is unreachable) simply expires.
      await deps.leases.release(job.batch, job.scope, owner)();
    }
  };
