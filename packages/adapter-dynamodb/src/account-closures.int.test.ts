import { describeAccountClosuresContract } from "@owners/app/testing";
import { makeDynamoAccountClosures } from "./account-closures.ts";
import { createTestTable } from "./testing/dynamo-test-table.ts";
import { refuseScans } from "./testing/refuse-scans.ts";

describeAccountClosuresContract("dynamodb", async () => {
  const table = await createTestTable({ configure: refuseScans });
  return { subject: makeDynamoAccountClosures(table), cleanup: () => table.drop() };
});
