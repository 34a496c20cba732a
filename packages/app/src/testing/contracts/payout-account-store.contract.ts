import { instant, producerId } from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type {
  PayoutAccountStore,
  ProducerPayoutAccount,
} from "../../ports/payout-account-store.ts";
import { succeed } from "./expect-task.ts";

export interface PayoutAccountStoreSubject {
  readonly subject: PayoutAccountStore;
  cleanup(): Promise<void>;
}

export const samplePayoutAccount = (
  overrides: Partial<ProducerPayoutAccount> = {},
): ProducerPayoutAccount => ({
  producerId: producerId("producer_fig-farm"),
  accountId: "acct_fig",
  chargesEnabled: false,
  payoutsEnabled: false,
  detailsSubmitted: false,
  updatedAt: instant("2026-04-01T09:00:00.000Z"),
  ...overrides,
});

/** The behaviour every PayoutAccountStore adapter must share (in-memory, DynamoDB). */
export const describePayoutAccountStoreContract = (
  name: string,
  makeSubject: () => Promise<PayoutAccountStoreSubject>,
) => {
  describe(`PayoutAccountStore contract: ${name}`, () => {
    let harness: PayoutAccountStoreSubject;
    let store: PayoutAccountStore;
    beforeEach(async () => {
      harness = await makeSubject();
      store = harness.subject;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it("answers none before a producer's account is created, then the account by either id", async () => {
      const account = samplePayoutAccount();
      expect(await succeed(store.get(account.producerId))).toEqual(O.none);
      expect(await succeed(store.findByAccountId(account.accountId))).toEqual(O.none);
      expect(await succeed(store.create(account))).toEqual(account);
      expect(await succeed(store.get(account.producerId))).toEqual(O.some(account));
      expect(await succeed(store.findByAccountId(account.accountId))).toEqual(O.some(account));
      expect(await succeed(store.get(producerId("producer_other")))).toEqual(O.none);
    });

    it("keeps a producer's first account: a second creation returns it and writes nothing", async () => {
      const first = samplePayoutAccount();
      await succeed(store.create(first));
      const second = samplePayoutAccount({ accountId: "acct_second", chargesEnabled: true });
      expect(await succeed(store.create(second))).toEqual(first);
      expect(await succeed(store.get(first.producerId))).toEqual(O.some(first));
      expect(await succeed(store.findByAccountId("acct_second"))).toEqual(O.none);
    });

    it("lets one of concurrent creations win and answers it to all", async () => {
      const attempts = ["acct_a", "acct_b", "acct_c", "acct_d"].map((accountId) =>
        samplePayoutAccount({ accountId }),
      );
      const results = await Promise.all(attempts.map((a) => succeed(store.create(a))));
      const winner = O.toUndefined(await succeed(store.get(samplePayoutAccount().producerId)));
      expect(winner).toBeDefined();
      expect(results).toEqual(attempts.map(() => winner));
    });

    it("updates the status of the producer's own account only", async () => {
      const account = samplePayoutAccount();
      await succeed(store.create(account));
      const ready = {
        ...account,
        chargesEnabled: true,
        payoutsEnabled: true,
        detailsSubmitted: true,
        updatedAt: instant("2026-04-02T10:00:00.000Z"),
      };
      expect(await succeed(store.updateStatus(ready))).toEqual(O.some(ready));
      expect(await succeed(store.get(account.producerId))).toEqual(O.some(ready));
      expect(await succeed(store.findByAccountId(account.accountId))).toEqual(O.some(ready));

      expect(await succeed(store.updateStatus({ ...ready, accountId: "acct_stranger" }))).toEqual(
        O.none,
      );
      const nobody = samplePayoutAccount({ producerId: producerId("producer_none") });
      expect(await succeed(store.updateStatus(nobody))).toEqual(O.none);
      expect(await succeed(store.get(nobody.producerId))).toEqual(O.none);
      expect(await succeed(store.get(account.producerId))).toEqual(O.some(ready));
    });
  });
};
