import { NOTIFICATION_CATEGORIES } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireOwner } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import type { Clock } from "../ports/clock.ts";
import type { OwnerProfile, OwnerProfileRepository } from "../ports/owner-profile-repository.ts";
import { storedOrEmptyProfile } from "./my-owner-profile.ts";

export interface OwnerProfileDeps {
  readonly profiles: OwnerProfileRepository;
  readonly clock: Clock;
}

/** The signed-in owner's own profile (defaults at version 0 before its first save). */
export const getMyProfile =
  (deps: OwnerProfileDeps) =>
  (actor: Actor): TE.TaskEither<AppError, OwnerProfile> =>
    pipe(
      requireOwner(actor),
      TE.chain((ownerId) => storedOrEmptyProfile(deps, ownerId)),
    );

/** The categories an owner can opt out of (re-exported for the API's documentation). */
export const OWNER_NOTIFICATION_CATEGORIES: readonly string[] = NOTIFICATION_CATEGORIES;

/**
 * Every category's choice: what was chosen, and "on" for the rest. Only these categories: the
 * mail categories (season, news, experiences) share the stored map but are set through
 * /me/notification-preferences, and the profile form sends back what it read.
 */
export const notificationChoices = (profile: OwnerProfile): Record<string, boolean> =>
  Object.fromEntries(NOTIFICATION_CATEGORIES.map((c) => [c, profile.notifications[c] !== false]));
