import { describeProducerApplicationStoreContract } from "@owners/app/testing";
import { makeDynamoProducerApplicationStore } from "./producer-application-store.ts";
import { createTestTable } from "./testing/dynamo-test-table.ts";
import { refuseScans } from "./testing/refuse-scans.ts";

describeProducerApplicationStoreContract("dynamodb", async () => {
  const table = await createTestTable({ configure: refuseScans });
  return { subject: makeDynamoProducerApplicationStore(table), cleanup: () => table.drop() };
});
