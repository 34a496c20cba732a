import { describeOwnerProfileRepositoryContract } from "@owners/app/testing";
import { makeDynamoOwnerProfileRepository } from "./owner-profile-repository.ts";
import { createTestTable } from "./testing/dynamo-test-table.ts";
import { refuseScans } from "./testing/refuse-scans.ts";

describeOwnerProfileRepositoryContract("dynamodb", async () => {
  const table = await createTestTable({ configure: refuseScans });
  return { subject: makeDynamoOwnerProfileRepository(table), cleanup: () => table.drop() };
});
