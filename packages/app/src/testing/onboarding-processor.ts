import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import { type AppError, appError } from "../errors.ts";
import type { PayoutAccountStatus, PayoutAccounts } from "../ports/payout-accounts.ts";

/** PayoutAccounts as Stripe behaves: a new account can take nothing until onboarding finishes. */
export interface OnboardingProcessor extends PayoutAccounts {
  /** The producer finishes onboarding (or the processor restricts the account again). */
  setStatus(accountId: string, status: Omit<PayoutAccountStatus, "accountId">): void;
  /** Accounts created, in order, by producer id. */
  readonly created: readonly string[];
  /** Pretend the processor is down (every call answers PAYMENT.UNAVAILABLE). */
  down: boolean;
}

export const makeOnboardingProcessor = (): OnboardingProcessor => {
  const byProducer = new Map<string, string>();
  const statuses = new Map<string, PayoutAccountStatus>();
  const created: string[] = [];
  /** Runs `value` when the call is made, unless the processor is down. */
  const up =
    <A>(value: () => E.Either<AppError, A>): TE.TaskEither<AppError, A> =>
    async () =>
      processor.down ? E.left(appError("PAYMENT.UNAVAILABLE", "the processor is down")) : value();
  const known = (accountId: string): E.Either<AppError, PayoutAccountStatus> => {
    const status = statuses.get(accountId);
    return status === undefined
      ? E.left(appError("PAYMENT.DECLINED", `no account ${accountId}`))
      : E.right(status);
  };
  const processor: OnboardingProcessor = {
    down: false,
    created,
    setStatus: (accountId, status) => statuses.set(accountId, { accountId, ...status }),
    createAccount: (producerId) =>
      up(() => {
        const existing = byProducer.get(producerId);
        if (existing !== undefined) return known(existing);
        const accountId = `acct_${created.length + 1}`;
        byProducer.set(producerId, accountId);
        created.push(producerId);
        const status = {
          accountId,
          chargesEnabled: false,
          payoutsEnabled: false,
          detailsSubmitted: false,
        };
        statuses.set(accountId, status);
        return E.right(status);
      }),
    onboardingLink: (accountId, returnUrl, refreshUrl) =>
      up(() =>
        E.map(
          () =>
            `https://connect.example/setup/${accountId}?return=${encodeURIComponent(returnUrl)}&refresh=${encodeURIComponent(refreshUrl)}`,
        )(known(accountId)),
      ),
    dashboardLink: (accountId) =>
      up(() => E.map(() => `https://connect.example/express/${accountId}`)(known(accountId))),
    accountStatus: (accountId) => up(() => known(accountId)),
  };
  return processor;
};
