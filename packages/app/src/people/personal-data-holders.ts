import { type OwnerId, producerId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { allPages } from "../all-pages.ts";
import type { Clock } from "../ports/clock.ts";
import type { FollowStore } from "../ports/follow-store.ts";
import type { OwnerProfileRepository } from "../ports/owner-profile-repository.ts";
import type { PersonalDataHolder } from "../ports/personal-data.ts";
import type { ProducerProfileStore } from "../ports/producer-profile-store.ts";

/** A producer's public profile: exported whole; erased by removing it and its listing entries. */
export const producerProfileHolder = (store: ProducerProfileStore): PersonalDataHolder => ({
  category: "producerProfile",
  exportFor: (personId) => pipe(store.get(producerId(personId)), TE.map(O.toNullable)),
  eraseFor: (personId) => store.remove(producerId(personId)),
});

/**
 * An owner's profile: name, addresses and preferences. Erasure blanks it (no name, no default
 * or saved address; language and notification choices are not personal data and stay).
 */
export const ownerProfileHolder = (
  profiles: OwnerProfileRepository,
  clock: Clock,
): PersonalDataHolder => ({
  category: "ownerProfile",
  exportFor: (personId) => pipe(profiles.get(personId as OwnerId), TE.map(O.toNullable)),
  eraseFor: (personId) =>
    pipe(
      profiles.get(personId as OwnerId),
      TE.chain(
        O.match(
          () => TE.right(undefined),
          (stored) =>
            pipe(
              profiles.save(
                {
                  ownerId: stored.ownerId,
                  addresses: [],
                  language: stored.language,
                  notifications: stored.notifications,
                  updatedAt: clock.now(),
                  version: stored.version + 1,
                },
                stored.version,
              ),
              TE.map(() => undefined),
            ),
        ),
      ),
    ),
});

/** The producers an owner follows: exported as a list; erased by unfollowing each. */
export const followsHolder = (follows: FollowStore): PersonalDataHolder => ({
  category: "follows",
  exportFor: (personId) => allPages((page) => follows.listByOwner(personId as OwnerId, page)),
  eraseFor: (personId) =>
    pipe(
      allPages((page) => follows.listByOwner(personId as OwnerId, page)),
      TE.chain((all) =>
        TE.traverseSeqArray((f: (typeof all)[number]) => follows.unfollow(f.ownerId, f.producerId))(
          all,
        ),
      ),
      TE.map(() => undefined),
    ),
});

/** Lane E's holders, for the `personalDataHolders` multi-binding. */
export const peoplePersonalDataHolders = (deps: {
  readonly producerProfiles: ProducerProfileStore;
  readonly profiles: OwnerProfileRepository;
  readonly follows: FollowStore;
  readonly clock: Clock;
}): readonly PersonalDataHolder[] => [
  producerProfileHolder(deps.producerProfiles),
  ownerProfileHolder(deps.profiles, deps.clock),
  followsHolder(deps.follows),
];
