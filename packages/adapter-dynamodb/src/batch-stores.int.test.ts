import {
  describeBatchRunLogContract,
  describeCheckpointStoreContract,
  describeLeaseStoreContract,
} from "@owners/app/testing";
import { makeDynamoBatchRunLog } from "./batch-run-log.ts";
import { makeDynamoCheckpointStore } from "./checkpoint-store.ts";
import { makeDynamoLeaseStore } from "./lease-store.ts";
import { createTestTable } from "./testing/dynamo-test-table.ts";
import { refuseScans } from "./testing/refuse-scans.ts";

describeCheckpointStoreContract("dynamodb", async () => {
  const table = await createTestTable({ configure: refuseScans });
  return { subject: makeDynamoCheckpointStore(table), cleanup: () => table.drop() };
});

describeLeaseStoreContract("dynamodb", async () => {
  const table = await createTestTable({ configure: refuseScans });
  return { subject: makeDynamoLeaseStore(table), cleanup: () => table.drop() };
});

describeBatchRunLogContract("dynamodb", async () => {
  const table = await createTestTable({ configure: refuseScans });
  return { subject: makeDynamoBatchRunLog(table), cleanup: () => table.drop() };
});
