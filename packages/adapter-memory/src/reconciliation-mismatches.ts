import type { ReconciliationMismatch, ReconciliationMismatches } from "@owners/app";
import * as TE from "fp-ts/lib/TaskEither.js";

/** The reconciliation findings in a map by plan. */
export const makeMemoryReconciliationMismatches = (): ReconciliationMismatches => {
  const byPlan = new Map<string, ReconciliationMismatch>();
  return {
    record: (mismatch) => {
      const since = byPlan.get(mismatch.planId)?.detectedAt ?? mismatch.detectedAt;
      byPlan.set(mismatch.planId, { ...structuredClone(mismatch), detectedAt: since });
      return TE.right(undefined);
    },
    clear: (planId) => {
      byPlan.delete(planId);
      return TE.right(undefined);
    },
    list: () =>
      TE.right(
        [...byPlan.values()]
          .sort((a, b) => (a.planId < b.planId ? -1 : 1))
          .map((m) => structuredClone(m)),
      ),
  };
};
