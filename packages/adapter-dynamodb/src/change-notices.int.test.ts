import { describeChangeNoticesContract } from "@owners/app/testing";
import { makeDynamoOutbox } from "./outbox.ts";
import { makeDynamoReservationStores } from "./reservation-stores.ts";
import { createTestTable } from "./testing/dynamo-test-table.ts";
import { refuseScans } from "./testing/refuse-scans.ts";

// Each change and its notices are one TransactWriteItems on DynamoDB Local.
describeChangeNoticesContract("dynamodb", async () => {
  const table = await createTestTable({ configure: refuseScans });
  return {
    stores: makeDynamoReservationStores(table),
    outbox: makeDynamoOutbox(table),
    cleanup: () => table.drop(),
  };
});
