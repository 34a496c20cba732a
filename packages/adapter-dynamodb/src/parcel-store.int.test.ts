import { describeParcelStoreContract } from "@owners/app/testing";
import { makeDynamoOutbox } from "./outbox.ts";
import { makeDynamoParcelStore } from "./parcel-store.ts";
import { createTestTable } from "./testing/dynamo-test-table.ts";
import { refuseScans } from "./testing/refuse-scans.ts";

describeParcelStoreContract("dynamodb", async () => {
  const table = await createTestTable({ configure: refuseScans });
  return {
    subject: makeDynamoParcelStore(table),
    outbox: makeDynamoOutbox(table),
    cleanup: () => table.drop(),
  };
});
