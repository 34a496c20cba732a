import { describePayoutAccountStoreContract } from "@owners/app/testing";
import { makeMemoryPayoutAccountStore } from "./payout-account-store.ts";

describePayoutAccountStoreContract("memory", async () => ({
  subject: makeMemoryPayoutAccountStore(),
  cleanup: async () => {},
}));
