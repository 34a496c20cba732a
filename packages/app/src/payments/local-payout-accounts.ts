import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { markDevOnly } from "../composition/dev-only.ts";
import type { Clock } from "../ports/clock.ts";
import type { PayoutAccountStore } from "../ports/payout-account-store.ts";
import type { PayoutAccounts } from "../ports/payout-accounts.ts";

/**
 * The local processor says yes (issue 14): with it, a producer without an account gets one on
 * first use, created at that processor (ready at once) and stored, so `pnpm start`, the memory
 * mode and tests publish plans with no onboarding. Never wrap a store this way with Stripe: it
 * would create real accounts on reads.
 */
export const withAccountsOnFirstUse = (
  store: PayoutAccountStore,
  localProcessor: PayoutAccounts,
  clock: Clock,
): PayoutAccountStore =>
  markDevOnly(
    {
      ...store,
      get: (producerId) =>
        pipe(
          store.get(producerId),
          TE.chain(
            O.match(
              () =>
                pipe(
                  localProcessor.createAccount(producerId),
                  TE.chain((status) =>
                    store.create({ producerId, ...status, updatedAt: clock.now() }),
                  ),
                  TE.map(O.some),
                ),
              (account) => TE.right(O.some(account)),
            ),
          ),
        ),
    },
    "payout accounts created on first use",
  );
