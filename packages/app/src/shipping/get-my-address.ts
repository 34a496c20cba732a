import { pipe } from "fp-ts/lib/function.js";
import type { Option } from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireOwner } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import type { OwnerProfile, OwnerProfileRepository } from "../ports/owner-profile-repository.ts";

export interface GetMyAddressDeps {
  readonly profiles: OwnerProfileRepository;
}

/** The calling owner's own shipping details, or none if it never set them. */
export const getMyAddress =
  (deps: GetMyAddressDeps) =>
  (
    actor: Actor,
    _input: Record<string, never> = {},
  ): TE.TaskEither<AppError, Option<OwnerProfile>> =>
    pipe(
      requireOwner(actor),
      TE.chain((ownerId) => deps.profiles.get(ownerId)),
    );
