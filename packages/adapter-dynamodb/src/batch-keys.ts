import type { ItemKey } from "./reservation-keys.ts";

/**
 * The keys of the batch runner's items: one small partition per (batch, scope) holding its
 * checkpoint and its lease, so a run reads and writes only its own two items.
 */
export const batchKeys = {
  partition: (batch: string, scope: string) => `BATCH#${batch}#${scope}`,
  checkpoint: (batch: string, scope: string): ItemKey => ({
    PK: `BATCH#${batch}#${scope}`,
    SK: "CHECKPOINT",
  }),
  lease: (batch: string, scope: string): ItemKey => ({
    PK: `BATCH#${batch}#${scope}`,
    SK: "LEASE",
  }),
  /**
   * A batch's run records, the latest started first: one partition per batch, each run's item
   * rewritten after every chunk (a few writes a minute at most) and expired after a month. Under
   * `BATCH#` like the runner's other items (no batch is named RUNS).
   */
  runs: (batch: string) => `BATCH#RUNS#${batch}`,
  run: (batch: string, startedAt: string, scope: string, runId: string): ItemKey => ({
    PK: `BATCH#RUNS#${batch}`,
    SK: `${startedAt}#${scope}#${runId}`,
  }),
} as const;
