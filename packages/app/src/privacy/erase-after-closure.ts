import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { eachInOrder } from "../all-pages.ts";
import type { AppError } from "../errors.ts";
import type { AccountClosures } from "../ports/account-closures.ts";
import type { PersonalDataHolder } from "../ports/personal-data.ts";

export interface EraseAfterClosureDeps {
  readonly accountClosures: AccountClosures;
  readonly personalDataHolders: readonly PersonalDataHolder[];
}

/** Every holder erases the person's data (each erasure is idempotent). */
export const eraseEverywhere = (
  holders: readonly PersonalDataHolder[],
  personId: string,
): TE.TaskEither<AppError, void> =>
  pipe(
    eachInOrder(holders, (holder) => holder.eraseFor(personId)),
    TE.map(() => undefined),
  );

/**
 * Erases again what is held about a person whose account is closed: for a write that raced the
 * closure (it passed the API's check while the account was open, and stored after the closure's
 * own erasure). True when the account is closed and was erased; false, and nothing done, while
 * it is open.
 */
export const eraseAfterClosure =
  (deps: EraseAfterClosureDeps) =>
  (personId: string): TE.TaskEither<AppError, boolean> =>
    pipe(
      deps.accountClosures.get(personId),
      TE.chain(
        O.match(
          () => TE.right(false),
          () =>
            pipe(
              eraseEverywhere(deps.personalDataHolders, personId),
              TE.map(() => true),
            ),
        ),
      ),
    );
