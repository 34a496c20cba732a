import { describeOutboxContract } from "@owners/app/testing";
import { makeDynamoOutbox } from "./outbox.ts";
import { createTestTable } from "./testing/dynamo-test-table.ts";
import { refuseScans } from "./testing/refuse-scans.ts";

describeOutboxContract("dynamodb", async () => {
  const table = await createTestTable({ configure: refuseScans });
  return { subject: makeDynamoOutbox(table), cleanup: () => table.drop() };
});
