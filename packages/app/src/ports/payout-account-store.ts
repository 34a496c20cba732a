import type { Instant, ProducerId } from "@owners/domain";
import type * as O from "fp-ts/lib/Option.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { PayoutAccountStatus } from "./payout-accounts.ts";

/** A producer's payout account as last seen at the processor (one per producer). */
export interface ProducerPayoutAccount extends PayoutAccountStatus {
  readonly producerId: ProducerId;
  /** When this status was read from the processor. */
  readonly updatedAt: Instant;
}

/** Which processor account each producer is paid through, and whether it can take charges. */
export interface PayoutAccountStore {
  /** The producer's account, or none before its onboarding started. */
  get(producerId: ProducerId): TE.TaskEither<AppError, O.Option<ProducerPayoutAccount>>;
  /** The account with this processor id (what the processor's account events name), or none. */
  findByAccountId(accountId: string): TE.TaskEither<AppError, O.Option<ProducerPayoutAccount>>;
  /**
   * Records the producer's first account. A producer that already has one keeps it: the stored
   * account is returned and nothing is written (two concurrent onboardings end with one account).
   */
  create(account: ProducerPayoutAccount): TE.TaskEither<AppError, ProducerPayoutAccount>;
  /**
   * Replaces the status of the producer's stored account (same account id); none, writing
   * nothing, when the producer has no account or holds another one.
   */
  updateStatus(
    account: ProducerPayoutAccount,
  ): TE.TaskEither<AppError, O.Option<ProducerPayoutAccount>>;
}
