import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { PaymentEvent } from "../ports/payment-gateway.ts";
import { type PayoutAccountDeps, refreshPayoutAccount } from "./payout-account-status.ts";

export type AccountUpdatedEvent = Extract<PaymentEvent, { readonly kind: "account.updated" }>;

/**
 * A producer's payout account changed at the processor: its status is re-read from the processor
 * and stored, so events delivered twice or out of order still leave the latest status. An account
 * no producer holds here (another platform's, or one whose creation was never stored) changes
 * nothing.
 */
export const onAccountUpdated =
  (deps: PayoutAccountDeps) =>
  (event: AccountUpdatedEvent): TE.TaskEither<AppError, void> =>
    pipe(
      deps.payoutAccountStore.findByAccountId(event.accountId),
      TE.chain(
        O.match(
          () => TE.right<AppError, void>(undefined),
          (stored) =>
            pipe(
              refreshPayoutAccount(deps)(stored),
              TE.map(() => undefined),
            ),
        ),
      ),
    );
