import type { ProducerId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { forbidden } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import type { Clock } from "../ports/clock.ts";
import type { PayoutAccountStore, ProducerPayoutAccount } from "../ports/payout-account-store.ts";
import type { PayoutAccounts } from "../ports/payout-accounts.ts";

export interface PayoutAccountDeps {
  readonly payoutAccountStore: PayoutAccountStore;
  readonly payoutAccounts: PayoutAccounts;
  readonly clock: Clock;
}

/** Only producers have payout accounts (owners and admins: AUTH.FORBIDDEN). */
export const requireProducer = (actor: Actor): TE.TaskEither<AppError, ProducerId> =>
  actor.role === "producer"
    ? TE.right(actor.id as ProducerId)
    : TE.left(forbidden("only producers have a payout account", actor));

const ready = (account: ProducerPayoutAccount) =>
  account.chargesEnabled && account.payoutsEnabled && account.detailsSubmitted;

const sameStatus = (a: ProducerPayoutAccount, b: ProducerPayoutAccount) =>
  a.chargesEnabled === b.chargesEnabled &&
  a.payoutsEnabled === b.payoutsEnabled &&
  a.detailsSubmitted === b.detailsSubmitted;

/**
 * Reads the account's status from the processor and stores it when it changed. The processor is
 * the truth: reading it (rather than trusting an event's copy) makes reordered events harmless.
 */
export const refreshPayoutAccount =
  (deps: PayoutAccountDeps) =>
  (stored: ProducerPayoutAccount): TE.TaskEither<AppError, ProducerPayoutAccount> =>
    pipe(
      deps.payoutAccounts.accountStatus(stored.accountId),
      TE.map(
        (status): ProducerPayoutAccount => ({
          producerId: stored.producerId,
          accountId: stored.accountId,
          chargesEnabled: status.chargesEnabled,
          payoutsEnabled: status.payoutsEnabled,
          detailsSubmitted: status.detailsSubmitted,
          updatedAt: deps.clock.now(),
        }),
      ),
      TE.chain((fresh) =>
        sameStatus(fresh, stored)
          ? TE.right(stored)
          : pipe(deps.payoutAccountStore.updateStatus(fresh), TE.map(O.getOrElse(() => fresh))),
      ),
    );

/**
 * The signed-in producer's payout account, none before onboarding. An account not yet complete is
 * re-read from the processor (a producer just back from onboarding sees it before the webhook
 * arrives); if the processor cannot be reached, the stored status is answered.
 */
export const getMyPayoutAccount =
  (deps: PayoutAccountDeps) =>
  (actor: Actor): TE.TaskEither<AppError, O.Option<ProducerPayoutAccount>> =>
    pipe(
      requireProducer(actor),
      TE.chain((producerId) => deps.payoutAccountStore.get(producerId)),
      TE.chain(
        O.match(
          () => TE.right(O.none),
          (stored) =>
            ready(stored)
              ? TE.right(O.some(stored))
              : pipe(
                  refreshPayoutAccount(deps)(stored),
                  TE.orElse(() => TE.right(stored)),
                  TE.map(O.some),
                ),
        ),
      ),
    );
