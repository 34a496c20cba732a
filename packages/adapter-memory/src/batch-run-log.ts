import { type BatchRunLog, type BatchRunRecord, MAX_RECENT_RUNS } from "@owners/app";
import * as TE from "fp-ts/lib/TaskEither.js";

const keyOf = (run: Pick<BatchRunRecord, "batch" | "scope" | "runId">) =>
  JSON.stringify([run.batch, run.scope, run.runId]);
const latestFirst = (a: BatchRunRecord, b: BatchRunRecord) => {
  const ka = `${a.startedAt}#${a.runId}`;
  const kb = `${b.startedAt}#${b.runId}`;
  return ka < kb ? 1 : ka > kb ? -1 : 0;
};

/** Run records in a Map (tests, the memory mode). */
export const makeMemoryBatchRunLog = (): BatchRunLog => {
  const runs = new Map<string, BatchRunRecord>();
  return {
    record: (run) =>
      TE.fromIO(() => {
        runs.set(keyOf(run), structuredClone(run));
      }),
    recent: (batch, limit) =>
      TE.fromIO(() =>
        [...runs.values()]
          .filter((run) => run.batch === batch)
          .sort(latestFirst)
          .slice(0, Math.max(1, Math.min(limit, MAX_RECENT_RUNS)))
          .map((run) => structuredClone(run)),
      ),
  };
};
