import type { PayoutAccountStatus, PayoutAccounts } from "@owners/app";
import { appError, markDevOnly } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";
import * as TE from "fp-ts/lib/TaskEither.js";

/** Payout accounts that are ready at once: the local processor says yes (issue 14). */
export const makeMemoryPayoutAccounts = (): PayoutAccounts => {
  const accounts = new Map<string, PayoutAccountStatus>();
  const find = (accountId: string) =>
    TE.fromEither(
      [...accounts.values()].some((a) => a.accountId === accountId)
        ? E.right(accountId)
        : E.left(appError("PAYMENT.DECLINED", `no payout account ${accountId}`)),
    );
  return markDevOnly<PayoutAccounts>(
    {
      createAccount: (producerId) =>
        TE.fromIO(() => {
          const existing = accounts.get(producerId);
          if (existing !== undefined) return existing;
          const created: PayoutAccountStatus = {
            accountId: `acct_mem_${producerId}`,
            chargesEnabled: true,
            payoutsEnabled: true,
            detailsSubmitted: true,
          };
          accounts.set(producerId, created);
          return created;
        }),
      onboardingLink: (accountId, returnUrl) =>
        TE.map(() => `${returnUrl}?onboarded=${accountId}`)(find(accountId)),
      dashboardLink: (accountId) =>
        TE.map(() => `memory://dashboard/${accountId}`)(find(accountId)),
      accountStatus: (accountId) =>
        TE.map(
          () =>
            [...accounts.values()].find((a) => a.accountId === accountId) as PayoutAccountStatus,
        )(find(accountId)),
    },
    "in-memory payout accounts",
  );
};
