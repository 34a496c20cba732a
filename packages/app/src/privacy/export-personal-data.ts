import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import { eachInOrder } from "../all-pages.ts";
import { type AppError, appError } from "../errors.ts";
import type { AccountClosures } from "../ports/account-closures.ts";
import type { Clock } from "../ports/clock.ts";
import type { PersonalDataHolder } from "../ports/personal-data.ts";

export interface PrivacyReadDeps {
  readonly accountClosures: AccountClosures;
  readonly personalDataHolders: readonly PersonalDataHolder[];
  readonly clock: Clock;
}

/** What `GET /me/export` returns: the person, when, and each holder's data under its category. */
export interface PersonalDataExport {
  readonly personId: string;
  readonly role: Actor["role"];
  readonly exportedAt: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export const accountNotFound = (personId: string): AppError =>
  appError("ACCOUNT.NOT_FOUND", "this account was closed", { personId });

/** The account is open: ACCOUNT.NOT_FOUND once it was closed. */
export const requireOpenAccount = (
  closures: AccountClosures,
  personId: string,
): TE.TaskEither<AppError, void> =>
  pipe(
    closures.get(personId),
    TE.chain(
      O.match(
        () => TE.right(undefined),
        () => TE.left(accountNotFound(personId)),
      ),
    ),
  );

/** Everything held about the signed-in person (APPI disclosure), from every store's holder. */
export const exportPersonalData =
  (deps: PrivacyReadDeps) =>
  (actor: Actor): TE.TaskEither<AppError, PersonalDataExport> =>
    pipe(
      requireOpenAccount(deps.accountClosures, actor.id),
      TE.chain(() =>
        eachInOrder(deps.personalDataHolders, (holder) =>
          pipe(
            holder.exportFor(actor.id),
            TE.map((data) => [holder.category, data] as const),
          ),
        ),
      ),
      TE.map((sections) => ({
        personId: actor.id,
        role: actor.role,
        exportedAt: deps.clock.now(),
        data: Object.fromEntries(sections),
      })),
    );
