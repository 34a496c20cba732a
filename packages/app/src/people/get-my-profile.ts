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
