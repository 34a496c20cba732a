import { describeHarvestRepositoryContract } from "@owners/app/testing";
import { makeDynamoHarvestRepository } from "./harvest-repository.ts";
import { makeDynamoPlanRepository } from "./plan-repository.ts";
import { createTestTable } from "./testing/dynamo-test-table.ts";
import { refuseScans } from "./testing/refuse-scans.ts";

describeHarvestRepositoryContract("dynamodb", async () => {
  const table = await createTestTable({ configure: refuseScans });
  return {
    subject: makeDynamoHarvestRepository(table),
    plans: makeDynamoPlanRepository(table),
    cleanup: () => table.drop(),
  };
});
