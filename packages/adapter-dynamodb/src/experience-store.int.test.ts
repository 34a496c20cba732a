import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { describeExperienceStoreContract } from "@owners/app/testing";
import { makeDynamoExperienceStore } from "./experience-store.ts";
import { makeDynamoOutbox } from "./outbox.ts";
import { makeDynamoRefundIntents } from "./refund-intents.ts";
import { ownershipKeys } from "./reservation-keys.ts";
import { createTestTable } from "./testing/dynamo-test-table.ts";
import { refuseScans } from "./testing/refuse-scans.ts";

describeExperienceStoreContract("dynamodb", async () => {
  const table = await createTestTable({ configure: refuseScans });
  return {
    subject: makeDynamoExperienceStore(table),
    outbox: makeDynamoOutbox(table),
    refundIntents: makeDynamoRefundIntents(table),
    // The reservation slice's share counter, as a paid reservation leaves it: what the booking checks.
    grantOwnership: async (planId, ownerId) => {
      await table.doc.send(
        new PutCommand({
          TableName: table.tableName,
          Item: {
            ...ownershipKeys.ownerShares(planId, ownerId),
            shares: 1,
            activeShares: 1,
            planId,
            ownerId,
          },
        }),
      );
    },
    cleanup: () => table.drop(),
  };
});
