import { describeAllocationRepositoryContract } from "@owners/app/testing";
import { makeDynamoAllocationRepository } from "./allocation-repository.ts";
import { createTestTable } from "./testing/dynamo-test-table.ts";
import { refuseScans } from "./testing/refuse-scans.ts";

describeAllocationRepositoryContract("dynamodb", async () => {
  const table = await createTestTable({ configure: refuseScans });
  return { subject: makeDynamoAllocationRepository(table), cleanup: () => table.drop() };
});
