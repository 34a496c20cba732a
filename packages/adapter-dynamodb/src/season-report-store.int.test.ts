import { describeSeasonReportStoreContract } from "@owners/app/testing";
import { makeDynamoSeasonReportStore } from "./season-report-store.ts";
import { createTestTable } from "./testing/dynamo-test-table.ts";
import { refuseScans } from "./testing/refuse-scans.ts";

describeSeasonReportStoreContract("dynamodb", async () => {
  const table = await createTestTable({ configure: refuseScans });
  return { subject: makeDynamoSeasonReportStore(table), cleanup: () => table.drop() };
});
