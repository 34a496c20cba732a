import { type Follow, type OwnerId, producerId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireOwner } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import type { Page, PageRequest } from "../pagination.ts";
import type { Clock } from "../ports/clock.ts";
import type { FollowStore } from "../ports/follow-store.ts";
import type { ProducerProfileStore } from "../ports/producer-profile-store.ts";
import { loadProducerProfile, type ProducerCard, producerCards } from "./producer-profiles.ts";

export interface FollowDeps {
  readonly follows: FollowStore;
  readonly producerProfiles: ProducerProfileStore;
  readonly clock: Clock;
}

export interface FollowState {
  readonly producerId: string;
  readonly following: boolean;
  readonly followers: number;
}

const stateOf = (deps: FollowDeps, id: string, following: boolean) =>
  pipe(
    deps.follows.countFor(producerId(id)),
    TE.map((followers): FollowState => ({ producerId: id, following, followers })),
  );

/** An owner follows an approved producer (again: nothing changes). */
export const followProducer =
  (deps: FollowDeps) =>
  (actor: Actor, input: { readonly producerId: string }): TE.TaskEither<AppError, FollowState> =>
    pipe(
      requireOwner(actor),
      TE.chainFirst(() => loadProducerProfile(deps.producerProfiles, input.producerId)),
      TE.chain((ownerId) =>
        deps.follows.follow({
          ownerId,
          producerId: producerId(input.producerId),
          followedAt: deps.clock.now(),
        }),
      ),
      TE.chain(() => stateOf(deps, input.producerId, true)),
    );

/** An owner stops following a producer (not following: nothing changes). */
export const unfollowProducer =
  (deps: FollowDeps) =>
  (actor: Actor, input: { readonly producerId: string }): TE.TaskEither<AppError, FollowState> =>
    pipe(
      requireOwner(actor),
      TE.chain((ownerId) => deps.follows.unfollow(ownerId, producerId(input.producerId))),
      TE.chain(() => stateOf(deps, input.producerId, false)),
    );

export interface FollowedProducer {
  readonly follow: Follow;
  /** Absent if the producer's profile is gone (an erased account). */
  readonly producer?: ProducerCard;
}

/** The producers the signed-in owner follows, most recent first, each with its card. */
export const listMyFollows =
  (deps: FollowDeps) =>
  (actor: Actor, page: PageRequest): TE.TaskEither<AppError, Page<FollowedProducer>> =>
    pipe(
      requireOwner(actor),
      TE.chain((ownerId: OwnerId) => deps.follows.listByOwner(ownerId, page)),
      TE.chain((follows) =>
        pipe(
          producerCards(deps)(follows.items.map((f) => f.producerId)),
          TE.map((cards) => ({
            ...follows,
            items: follows.items.map((follow): FollowedProducer => {
              const producer = cards.get(follow.producerId);
              return producer === undefined ? { follow } : { follow, producer };
            }),
          })),
        ),
      ),
    );
