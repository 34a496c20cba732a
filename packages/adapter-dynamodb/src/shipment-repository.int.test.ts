import { describeShipmentRepositoryContract } from "@owners/app/testing";
import { makeDynamoShipmentRepository } from "./shipment-repository.ts";
import { createTestTable } from "./testing/dynamo-test-table.ts";
import { refuseScans } from "./testing/refuse-scans.ts";

describeShipmentRepositoryContract("dynamodb", async () => {
  const table = await createTestTable({ configure: refuseScans });
  return { subject: makeDynamoShipmentRepository(table), cleanup: () => table.drop() };
});
