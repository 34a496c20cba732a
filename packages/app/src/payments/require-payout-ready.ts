import type { ProducerId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { type AppError, appError } from "../errors.ts";
import type { PayoutAccountStore } from "../ports/payout-account-store.ts";

export interface PayoutReadyDeps {
  readonly payoutAccountStore: PayoutAccountStore;
}

/**
 * Owners' money goes to the producer's payout account (destination charges): a plan is sold only
 * by a producer whose account can take charges. PAYOUT.NOT_READY otherwise, with what is missing.
 */
export const requirePayoutReady =
  (deps: PayoutReadyDeps) =>
  (producerId: ProducerId): TE.TaskEither<AppError, void> =>
    pipe(
      deps.payoutAccountStore.get(producerId),
      TE.chain(
        O.match(
          () =>
            TE.left<AppError, void>(
              appError(
                "PAYOUT.NOT_READY",
                "set up your payout account before publishing: start onboarding from your dashboard",
                { producerId, accountId: null },
              ),
            ),
          (account) =>
            account.chargesEnabled
              ? TE.right<AppError, void>(undefined)
              : TE.left<AppError, void>(
                  appError(
                    "PAYOUT.NOT_READY",
                    "your payout account cannot take payments yet: finish its onboarding first",
                    {
                      producerId,
                      accountId: account.accountId,
                      detailsSubmitted: account.detailsSubmitted,
                    },
                  ),
                ),
        ),
      ),
    );
