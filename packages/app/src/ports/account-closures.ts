import type { Instant } from "@owners/domain";
import type * as O from "fp-ts/lib/Option.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/**
 * The tombstone of a closed account: the person's id (a pseudonym by now) and when it closed.
 * Nothing else: the point is to remember that there is nothing left to export.
 */
export interface AccountClosure {
  readonly personId: string;
  readonly closedAt: Instant;
}

/** Closed accounts: the export and a second deletion answer ACCOUNT.NOT_FOUND for them. */
export interface AccountClosures {
  /** The closure of this person's account, or none while it is open. */
  get(personId: string): TE.TaskEither<AppError, O.Option<AccountClosure>>;
  /** Records the closure; a second record keeps the first and returns it. */
  record(closure: AccountClosure): TE.TaskEither<AppError, AccountClosure>;
}
