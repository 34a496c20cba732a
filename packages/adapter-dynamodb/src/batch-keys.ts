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
} as const;
