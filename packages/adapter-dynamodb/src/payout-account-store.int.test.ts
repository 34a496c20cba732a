import { describePayoutAccountStoreContract } from "@owners/app/testing";
import { makeDynamoPayoutAccountStore } from "./payout-account-store.ts";
import { createTestTable } from "./testing/dynamo-test-table.ts";
import { refuseScans } from "./testing/refuse-scans.ts";

describePayoutAccountStoreContract("dynamodb", async () => {
  const table = await createTestTable({ configure: refuseScans });
  return { subject: makeDynamoPayoutAccountStore(table), cleanup: () => table.drop() };
});
