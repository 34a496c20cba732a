import { makeCursorCodec } from "../cursor.ts";
import { describeLedgerRepositoryContract } from "../testing/contracts/ledger-repository.contract.ts";
import { describeOwnershipStoreContract } from "../testing/contracts/ownership-store.contract.ts";
import { describePlanRepositoryContract } from "../testing/contracts/plan-repository.contract.ts";
import type { MakeReservationStores } from "../testing/contracts/reservation-harness.ts";
import { describeWaitlistStoreContract } from "../testing/contracts/waitlist-store.contract.ts";
import { makeMemoryReservationStores } from "./reservation-stores.ts";

const makeHarness: MakeReservationStores = async () => ({
  subject: makeMemoryReservationStores(makeCursorCodec("memory-test-secret")),
  cleanup: async () => {},
});

describePlanRepositoryContract("memory", makeHarness);
describeOwnershipStoreContract("memory", makeHarness);
describeWaitlistStoreContract("memory", makeHarness);
describeLedgerRepositoryContract("memory", makeHarness);
