import {
  describeCreditBalancesContract,
  describeLedgerRepositoryContract,
  describeOwnershipStoreContract,
  describePlanRepositoryContract,
  describeProducerSummariesContract,
  describeRefundIntentStoreContract,
  describeWaitlistStoreContract,
  type MakeReservationStores,
} from "@owners/app/testing";
import { makeDynamoReservationStores } from "./reservation-stores.ts";
import { createTestTable } from "./testing/dynamo-test-table.ts";
import { refuseScans } from "./testing/refuse-scans.ts";

/**
 * A fresh table per test: the same contract the in-memory stores pass, on DynamoDB Local, with a
 * client that fails any Scan (every read must be a GetItem, BatchGetItem or Query).
 */
const makeHarness: MakeReservationStores = async (options = {}) => {
  const table = await createTestTable({ configure: refuseScans });
  const ctx =
    options.listBudget === undefined ? table : { ...table, listBudget: options.listBudget };
  return { subject: makeDynamoReservationStores(ctx), cleanup: () => table.drop() };
};

describePlanRepositoryContract("dynamodb", makeHarness);
describeOwnershipStoreContract("dynamodb", makeHarness);
describeWaitlistStoreContract("dynamodb", makeHarness);
describeLedgerRepositoryContract("dynamodb", makeHarness);
describeCreditBalancesContract("dynamodb", makeHarness);
describeProducerSummariesContract("dynamodb", makeHarness, { runs: 12, maxSteps: 20 });
describeRefundIntentStoreContract("dynamodb", makeHarness);
