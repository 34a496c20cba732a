import type { ProducerId } from "@owners/domain";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

export interface PayoutAccountStatus {
  readonly accountId: string;
  /** A plan may be published only when this is true (in AWS; the local processor says yes). */
  readonly chargesEnabled: boolean;
  readonly payoutsEnabled: boolean;
  readonly detailsSubmitted: boolean;
}

/** Producers' payout accounts at the processor (Stripe Connect Express, country JP). */
export interface PayoutAccounts {
  /** Creates the producer's account once per producer (idempotent by producer id). */
  createAccount(producerId: ProducerId): TE.TaskEither<AppError, PayoutAccountStatus>;
  /** A one-time onboarding link; `refreshUrl` is where an expired link sends the producer. */
  onboardingLink(
    accountId: string,
    returnUrl: string,
    refreshUrl: string,
  ): TE.TaskEither<AppError, string>;
  /** A one-time login link to the producer's Express dashboard. */
  dashboardLink(accountId: string): TE.TaskEither<AppError, string>;
  accountStatus(accountId: string): TE.TaskEither<AppError, PayoutAccountStatus>;
}
