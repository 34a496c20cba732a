import { describeReconciliationMismatchesContract } from "@owners/app/testing";
import { makeDynamoReconciliationMismatches } from "./reconciliation-mismatches.ts";
import { createTestTable } from "./testing/dynamo-test-table.ts";
import { refuseScans } from "./testing/refuse-scans.ts";

describeReconciliationMismatchesContract("dynamodb", async () => {
  const table = await createTestTable({ configure: refuseScans });
  return { subject: makeDynamoReconciliationMismatches(table), cleanup: () => table.drop() };
});
