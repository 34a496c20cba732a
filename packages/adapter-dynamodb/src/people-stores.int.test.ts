import {
  describeFollowStoreContract,
  describeProducerProfileStoreContract,
} from "@owners/app/testing";
import { makeDynamoFollowStore } from "./follow-store.ts";
import { makeDynamoProducerProfileStore } from "./producer-profile-store.ts";
import { createTestTable } from "./testing/dynamo-test-table.ts";
import { refuseScans } from "./testing/refuse-scans.ts";

describeProducerProfileStoreContract("dynamodb", async () => {
  const table = await createTestTable({ configure: refuseScans });
  return { subject: makeDynamoProducerProfileStore(table), cleanup: () => table.drop() };
});

describeFollowStoreContract("dynamodb", async () => {
  const table = await createTestTable({ configure: refuseScans });
  return { subject: makeDynamoFollowStore(table), cleanup: () => table.drop() };
});
