import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import { type AppError, appError } from "../errors.ts";
import { type PayoutAccountDeps, requireProducer } from "./payout-account-status.ts";

/**
 * A one-time login link to the signed-in producer's dashboard at the processor (payouts, balance);
 * PAYOUT.NOT_ONBOARDED before its onboarding started.
 */
export const payoutDashboardLink =
  (deps: Pick<PayoutAccountDeps, "payoutAccountStore" | "payoutAccounts">) =>
  (actor: Actor): TE.TaskEither<AppError, string> =>
    pipe(
      requireProducer(actor),
      TE.chain((producerId) =>
        pipe(
          deps.payoutAccountStore.get(producerId),
          TE.chain(
            O.match(
              () =>
                TE.left<AppError, string>(
                  appError("PAYOUT.NOT_ONBOARDED", "start your payout account's onboarding first", {
                    producerId,
                  }),
                ),
              (account) => deps.payoutAccounts.dashboardLink(account.accountId),
            ),
          ),
        ),
      ),
    );
