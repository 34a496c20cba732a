import { mergeNotifications, validateDisplayName } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireOwner } from "../access.ts";
import type { Actor } from "../actor.ts";
import { type AppError, decided } from "../errors.ts";
import type { OwnerProfile } from "../ports/owner-profile-repository.ts";
import type { OwnerProfileDeps } from "./get-my-profile.ts";
import { storedOrEmptyProfile } from "./my-owner-profile.ts";
import { versionGuard } from "./version-guard.ts";

export interface UpdateMyProfileInput {
  /** An empty string removes the name (the owner is then shown without one). */
  readonly displayName?: string;
  readonly language?: "ja" | "en";
  /** Categories to change; the others keep their value. */
  readonly notifications?: Readonly<Record<string, boolean>>;
  readonly expectedVersion?: number;
}

const withName = (profile: OwnerProfile, name: string | undefined) => {
  if (name === undefined) return E.right(profile);
  if (name.trim() === "") {
    const { displayName: _gone, ...rest } = profile;
    return E.right(rest);
  }
  return pipe(
    validateDisplayName(name),
    E.map((displayName) => ({ ...profile, displayName })),
  );
};

/** The signed-in owner changes its display name, language or notification choices. */
export const updateMyProfile =
  (deps: OwnerProfileDeps) =>
  (actor: Actor, input: UpdateMyProfileInput): TE.TaskEither<AppError, OwnerProfile> =>
    pipe(
      requireOwner(actor),
      TE.chain((ownerId) => storedOrEmptyProfile(deps, ownerId)),
      TE.chainFirst((stored) => versionGuard(stored.version, input.expectedVersion)),
      TE.chain((stored) =>
        pipe(
          decided(withName(stored, input.displayName)),
          TE.chain((named) =>
            decided(
              pipe(
                mergeNotifications(named.notifications, input.notifications ?? {}),
                E.map(
                  (notifications): OwnerProfile => ({
                    ...named,
                    notifications,
                    language: input.language ?? named.language,
                    updatedAt: deps.clock.now(),
                  }),
                ),
              ),
            ),
          ),
          TE.chain((next) => deps.profiles.save(next, stored.version)),
        ),
      ),
    );
