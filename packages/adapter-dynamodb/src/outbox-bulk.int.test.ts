import { describeOutboxContract } from "@owners/app/testing";
import { makeDynamoBulkOutbox } from "./outbox-bulk.ts";
import { createTestTable } from "./testing/dynamo-test-table.ts";
import { refuseScans } from "./testing/refuse-scans.ts";

describeOutboxContract("dynamodb, bulk enqueue", async () => {
  const table = await createTestTable({ configure: refuseScans });
  return { subject: makeDynamoBulkOutbox(table), cleanup: () => table.drop() };
});
