import { describeCommunicationRepositoryContract } from "@owners/app/testing";
import { makeDynamoCommunicationRepository } from "./communication-repository.ts";
import { makeDynamoAuditLog } from "./ledger-repository.ts";
import { makeDynamoOutbox } from "./outbox.ts";
import { createTestTable } from "./testing/dynamo-test-table.ts";
import { refuseScans } from "./testing/refuse-scans.ts";

describeCommunicationRepositoryContract("dynamodb", async () => {
  const table = await createTestTable({ configure: refuseScans });
  return {
    subject: makeDynamoCommunicationRepository(table),
    outbox: makeDynamoOutbox(table),
    audit: makeDynamoAuditLog(table),
    cleanup: () => table.drop(),
  };
});
