import type { Instant } from "@owners/domain";
import type * as O from "fp-ts/lib/Option.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/**
 * Where one run of a batch over one scope stands, saved after every chunk: what the next
 * invocation resumes from when this one stopped (out of time, crashed).
 */
export interface BatchCheckpoint {
  readonly batch: string;
  /** What the run covers: a plan id, or `all` for a sweep over every plan. */
  readonly scope: string;
  readonly runId: string;
  /** `running` until the work list is exhausted; the next invocation after `done` starts a new run. */
  readonly status: "running" | "done";
  /** Where the next chunk starts in the work list (opaque to the store); absent at the start. */
  readonly cursor?: string;
  /** Chunks this run has finished, over all its invocations. */
  readonly chunks: number;
  /** Counters summed over the run's finished chunks (plans closed, lots allocated, …). */
  readonly counts: Readonly<Record<string, number>>;
  readonly startedAt: Instant;
  readonly updatedAt: Instant;
  /** 1 for a first save, bumped by every save. */
  readonly version: number;
}

/** A checkpoint as a runner writes it: the store sets the version. */
export type CheckpointWrite = Omit<BatchCheckpoint, "version">;

export interface CheckpointStore {
  /** The checkpoint of (batch, scope): the run in progress or the last one; none before the first. */
  get(batch: string, scope: string): TE.TaskEither<AppError, O.Option<BatchCheckpoint>>;
  /**
   * Stores the checkpoint of (checkpoint.batch, checkpoint.scope) if the stored one is at
   * `expectedVersion` (0: none stored yet) and returns it at expectedVersion + 1;
   * STORE.VERSION_CONFLICT if another run saved meanwhile (nothing is written).
   */
  save(
    checkpoint: CheckpointWrite,
    expectedVersion: number,
  ): TE.TaskEither<AppError, BatchCheckpoint>;
}
