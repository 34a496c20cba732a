import type { PayoutAccountStore, ProducerPayoutAccount } from "@owners/app";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";

/** Producers' payout accounts in a Map by producer id (few producers: the account id is searched). */
export const makeMemoryPayoutAccountStore = (): PayoutAccountStore => {
  const accounts = new Map<string, ProducerPayoutAccount>();
  return {
    get: (producerId) => TE.fromIO(() => O.fromNullable(accounts.get(producerId))),
    findByAccountId: (accountId) =>
      TE.fromIO(() =>
        O.fromNullable([...accounts.values()].find((a) => a.accountId === accountId)),
      ),
    create: (account) =>
      TE.fromIO(() => {
        const existing = accounts.get(account.producerId);
        if (existing !== undefined) return existing;
        accounts.set(account.producerId, account);
        return account;
      }),
    updateStatus: (account) =>
      TE.fromIO(() => {
        if (accounts.get(account.producerId)?.accountId !== account.accountId) return O.none;
        accounts.set(account.producerId, account);
        return O.some(account);
      }),
  };
};
