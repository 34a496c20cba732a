import { makeCursorCodec } from "@owners/app";
import type { MakeReservationStores } from "@owners/app/testing";
import {
  describeCreditBalancesContract,
  describeLedgerRepositoryContract,
  describeOwnershipStoreContract,
  describePlanRepositoryContract,
  describeProducerSummariesContract,
  describeRefundIntentStoreContract,
  describeWaitlistStoreContract,
} from "@owners/app/testing";
import { makeMemoryReservationStores } from "./reservation-stores.ts";

const makeHarness: MakeReservationStores = async (options = {}) => ({
  subject: makeMemoryReservationStores(
    makeCursorCodec("memory-test-secret"),
    undefined,
    options.listBudget,
  ),
  cleanup: async () => {},
});

describePlanRepositoryContract("memory", makeHarness);
describeOwnershipStoreContract("memory", makeHarness);
describeWaitlistStoreContract("memory", makeHarness);
describeLedgerRepositoryContract("memory", makeHarness);
describeCreditBalancesContract("memory", makeHarness);
describeProducerSummariesContract("memory", makeHarness);
describeRefundIntentStoreContract("memory", makeHarness);
