import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import type { ProducerPayoutAccount } from "../ports/payout-account-store.ts";
import { type PayoutAccountDeps, requireProducer } from "./payout-account-status.ts";

export interface OnboardingUrls {
  /** Where the processor sends the producer when it is done (the site's producer dashboard). */
  readonly returnUrl: string;
  /** Where an expired or used link sends it (the dashboard, which asks for a new link). */
  readonly refreshUrl: string;
}

/**
 * A one-time onboarding link for the signed-in producer. Its account is created at the processor
 * the first time (idempotent by producer id there, and kept once here), then reused.
 */
export const startPayoutOnboarding =
  (deps: PayoutAccountDeps) =>
  (actor: Actor, urls: OnboardingUrls): TE.TaskEither<AppError, string> =>
    pipe(
      requireProducer(actor),
      TE.chain((producerId) =>
        pipe(
          deps.payoutAccountStore.get(producerId),
          TE.chain(
            O.match(
              () =>
                pipe(
                  deps.payoutAccounts.createAccount(producerId),
                  TE.chain((status) =>
                    deps.payoutAccountStore.create({
                      producerId,
                      accountId: status.accountId,
                      chargesEnabled: status.chargesEnabled,
                      payoutsEnabled: status.payoutsEnabled,
                      detailsSubmitted: status.detailsSubmitted,
                      updatedAt: deps.clock.now(),
                    }),
                  ),
                ),
              (account) => TE.right<AppError, ProducerPayoutAccount>(account),
            ),
          ),
        ),
      ),
      TE.chain((account) =>
        deps.payoutAccounts.onboardingLink(account.accountId, urls.returnUrl, urls.refreshUrl),
      ),
    );
