import { samplePayoutAccount } from "@owners/app/testing";
import { describe, expect, it } from "vitest";
import { payoutAccountFromItem, payoutAccountToItem } from "./payout-account-mapper.ts";
import { throughDynamo } from "./testing/stored.ts";

describe("payout account mapper", () => {
  it("round-trips an account, keyed by producer and indexed by processor account", () => {
    for (const account of [
      samplePayoutAccount(),
      samplePayoutAccount({ chargesEnabled: true, payoutsEnabled: true, detailsSubmitted: true }),
    ])
      expect(payoutAccountFromItem(throughDynamo(payoutAccountToItem(account)))).toStrictEqual(
        account,
      );
    expect(payoutAccountToItem(samplePayoutAccount())).toMatchObject({
      PK: "PAYOUT#producer_fig-farm",
      SK: "ACCOUNT",
      GSI1PK: "PAYOUTACCOUNT#acct_fig",
      GSI1SK: "ACCOUNT",
    });
  });
});
