import type { AppError, PayoutAccountStatus, PayoutAccounts } from "@owners/app";
import * as TE from "fp-ts/lib/TaskEither.js";
import type Stripe from "stripe";
import { fromStripeError } from "./stripe-errors.ts";

export interface StripePayoutAccountsOptions {
  readonly stripe: Stripe;
}

const statusOf = (account: Stripe.Account): PayoutAccountStatus => ({
  accountId: account.id,
  chargesEnabled: account.charges_enabled === true,
  payoutsEnabled: account.payouts_enabled === true,
  detailsSubmitted: account.details_submitted === true,
});

const call = <A>(action: string, run: () => Promise<A>): TE.TaskEither<AppError, A> =>
  TE.tryCatch(run, (error) => fromStripeError(action, error));

/**
 * Producers' payout accounts as Stripe Connect Express accounts in Japan, able to take card
 * payments and receive transfers (destination charges). Stripe hosts onboarding and the
 * producer's dashboard; we keep only the account id and ask Stripe for its state.
 */
export const makeStripePayoutAccounts = (options: StripePayoutAccountsOptions): PayoutAccounts => {
  const { stripe } = options;
  return {
    createAccount: (producerId) =>
      TE.map(statusOf)(
        call("open a payout account", () =>
          stripe.accounts.create(
            {
              type: "express",
              country: "JP",
              capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
              metadata: { producerId },
            },
            // One account per producer, however often the producer presses the button.
            { idempotencyKey: `payout-account:${producerId}` },
          ),
        ),
      ),
    onboardingLink: (accountId, returnUrl, refreshUrl) =>
      TE.map((link: Stripe.AccountLink) => link.url)(
        call("open the onboarding", () =>
          stripe.accountLinks.create({
            account: accountId,
            type: "account_onboarding",
            return_url: returnUrl,
            refresh_url: refreshUrl,
          }),
        ),
      ),
    dashboardLink: (accountId) =>
      TE.map((link: Stripe.LoginLink) => link.url)(
        call("open the payout dashboard", () => stripe.accounts.createLoginLink(accountId)),
      ),
    accountStatus: (accountId) =>
      TE.map(statusOf)(call("read the payout account", () => stripe.accounts.retrieve(accountId))),
  };
};
