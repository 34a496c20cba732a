import { domainError, type OwnerId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireOwner } from "../access.ts";
import type { Actor } from "../actor.ts";
import { retryOnConflict } from "../conflict-retry.ts";
import type { AppError } from "../errors.ts";
import { storedOrEmptyProfile } from "../people/my-owner-profile.ts";
import type { Clock } from "../ports/clock.ts";
import type { OwnerProfile, OwnerProfileRepository } from "../ports/owner-profile-repository.ts";
import { DEFAULT_RESERVATION_CONFIG } from "../reservations/reservation-deps.ts";
import {
  isOptionalCategory,
  OPTIONAL_CATEGORIES,
  type OptionalCategory,
  type UnsubscribeTokens,
} from "./unsubscribe-token.ts";

/** Which categories of mail a person gets: "account" is always on. */
export type NotificationPreferences = { readonly account: true } & Readonly<
  Record<OptionalCategory, boolean>
>;

export interface NotificationPreferencesDeps {
  readonly profiles: OwnerProfileRepository;
  readonly clock: Clock;
}

/**
 * The choices live in the owner profile's `notifications` map beside the older per-topic keys,
 * under the category names ("season", "news", "experiences"); absent means on.
 */
export const preferencesOf = (profile: Pick<OwnerProfile, "notifications">) =>
  ({
    account: true,
    ...Object.fromEntries(OPTIONAL_CATEGORIES.map((c) => [c, profile.notifications[c] !== false])),
  }) as NotificationPreferences;

const invalid = (message: string, details: Record<string, unknown>): AppError =>
  domainError("VALIDATION.INVALID", message, details);

/** The changes as category -> on, or what is wrong with them. */
const validChanges = (
  changes: Readonly<Record<string, boolean>>,
): TE.TaskEither<AppError, Partial<Record<OptionalCategory, boolean>>> => {
  const unknown = Object.keys(changes).filter((k) => k !== "account" && !isOptionalCategory(k));
  if (unknown.length > 0)
    return TE.left(invalid("unknown notification categories", { field: "categories", unknown }));
  if (changes.account === false)
    return TE.left(
      invalid("account notices (payments, orders) cannot be turned off", { field: "account" }),
    );
  const { account: _always, ...rest } = changes;
  return TE.right(rest);
};

/** Saves the changed choices, read again and retried when another save raced this one. */
const saveChoices = (
  deps: NotificationPreferencesDeps,
  ownerId: OwnerId,
  changes: Partial<Record<OptionalCategory, boolean>>,
): TE.TaskEither<AppError, OwnerProfile> =>
  retryOnConflict(DEFAULT_RESERVATION_CONFIG.conflictRetry, () =>
    pipe(
      storedOrEmptyProfile(deps, ownerId),
      TE.chain((stored) =>
        deps.profiles.save(
          {
            ...stored,
            notifications: { ...stored.notifications, ...changes },
            updatedAt: deps.clock.now(),
          },
          stored.version,
        ),
      ),
    ),
  );

/** The signed-in owner's categories. */
export const getNotificationPreferences =
  (deps: NotificationPreferencesDeps) =>
  (actor: Actor): TE.TaskEither<AppError, NotificationPreferences> =>
    pipe(
      requireOwner(actor),
      TE.chain((ownerId) => storedOrEmptyProfile(deps, ownerId)),
      TE.map(preferencesOf),
    );

/** The signed-in owner turns categories on or off (the ones not named keep their value). */
export const setNotificationPreferences =
  (deps: NotificationPreferencesDeps) =>
  (
    actor: Actor,
    changes: Readonly<Record<string, boolean>>,
  ): TE.TaskEither<AppError, NotificationPreferences> =>
    pipe(
      requireOwner(actor),
      TE.chain((ownerId) =>
        pipe(
          validChanges(changes),
          TE.chain((valid) => saveChoices(deps, ownerId, valid)),
        ),
      ),
      TE.map(preferencesOf),
    );

/**
 * The one-click unsubscribe of a mail link: no sign-in, the signed token names the recipient and
 * the category. Turning off what is already off succeeds again (mail providers retry).
 */
export const unsubscribe =
  (deps: NotificationPreferencesDeps & { readonly tokens: UnsubscribeTokens }) =>
  (token: string): TE.TaskEither<AppError, { readonly category: OptionalCategory }> =>
    pipe(
      deps.tokens.verify(token),
      O.match(
        () => TE.left(invalid("the unsubscribe token is not valid", { field: "token" })),
        (request) =>
          pipe(
            saveChoices(deps, request.recipientId as OwnerId, { [request.category]: false }),
            TE.map(() => ({ category: request.category })),
          ),
      ),
    );
