import { describeReconciliationMismatchesContract } from "@owners/app/testing";
import { makeMemoryReconciliationMismatches } from "./reconciliation-mismatches.ts";

describeReconciliationMismatchesContract("memory", async () => ({
  subject: makeMemoryReconciliationMismatches(),
  cleanup: async () => {},
}));
