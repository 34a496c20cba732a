import type { OwnerId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { Clock } from "../ports/clock.ts";
import {
  type OwnerProfile,
  type OwnerProfileRepository,
  ownerProfileDefaults,
} from "../ports/owner-profile-repository.ts";

/**
 * The owner's stored profile, or an empty one at version 0 (what `save` expects for a first
 * write): every owner has a profile to edit even before it saved anything.
 */
export const storedOrEmptyProfile = (
  deps: { readonly profiles: OwnerProfileRepository; readonly clock: Clock },
  ownerId: OwnerId,
): TE.TaskEither<AppError, OwnerProfile> =>
  pipe(
    deps.profiles.get(ownerId),
    TE.map(
      O.getOrElse(
        (): OwnerProfile => ({
          ownerId,
          ...ownerProfileDefaults(),
          updatedAt: deps.clock.now(),
          version: 0,
        }),
      ),
    ),
  );
