import { describeSeasonReportStoreContract } from "@owners/app/testing";
import { makeDynamoOutbox } from "./outbox.ts";
import { makeDynamoSeasonReportStore } from "./season-report-store.ts";
import { createTestTable } from "./testing/dynamo-test-table.ts";
import { refuseScans } from "./testing/refuse-scans.ts";

// A first publication and its fan-out trigger are one TransactWriteItems on DynamoDB Local.
describeSeasonReportStoreContract("dynamodb", async () => {
  const table = await createTestTable({ configure: refuseScans });
  return {
    subject: makeDynamoSeasonReportStore(table),
    outbox: makeDynamoOutbox(table),
    cleanup: () => table.drop(),
  };
});
