import type { ProducerId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { PayoutAccountStore } from "../ports/payout-account-store.ts";

/**
 * The producer's payout account a charge is destined to (Stripe: transfer_data.destination, with
 * the platform fee as the application fee), so owners' money reaches the producer. None when the
 * producer has no account able to take charges (publishing requires one, so only plans of a
 * suspended account) or the composition has no store (tests of reservations alone): the charge
 * then stays with the platform, which reconciliation reports.
 */
export const payoutDestination =
  (deps: { readonly payoutAccountStore?: PayoutAccountStore }) =>
  (producerId: ProducerId): TE.TaskEither<AppError, string | undefined> =>
    deps.payoutAccountStore === undefined
      ? TE.right(undefined)
      : pipe(
          deps.payoutAccountStore.get(producerId),
          TE.map(
            O.match(
              () => undefined,
              (account) => (account.chargesEnabled ? account.accountId : undefined),
            ),
          ),
        );
