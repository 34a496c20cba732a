import { pipe } from "fp-ts/lib/function.js";
import * as A from "fp-ts/lib/ReadonlyArray.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireAdmin } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { BATCH_NAMES, type BatchName } from "./batch-names.ts";
import type { BatchRunLog, BatchRunRecord } from "./batch-run-log.ts";

/** Runs shown per batch unless asked otherwise. */
export const DEFAULT_RUNS_PER_BATCH = 5;

export interface BatchRuns {
  readonly name: BatchName;
  /** The latest started first; the first one's progress is the batch's current state. */
  readonly runs: readonly BatchRunRecord[];
}

/**
 * GET /admin/batch-runs: every batch of the registry with its recent runs (progress, last report,
 * failure), for admins. One Query per batch, in parallel.
 */
export const listBatchRuns =
  (deps: { readonly runs: BatchRunLog }) =>
  (
    actor: Actor,
    input: { readonly perBatch?: number } = {},
  ): TE.TaskEither<AppError, readonly BatchRuns[]> =>
    pipe(
      requireAdmin(actor),
      TE.chain(() =>
        pipe(
          BATCH_NAMES,
          A.map((name) =>
            pipe(
              deps.runs.recent(name, input.perBatch ?? DEFAULT_RUNS_PER_BATCH),
              TE.map((runs): BatchRuns => ({ name, runs })),
            ),
          ),
          TE.sequenceArray,
        ),
      ),
    );
