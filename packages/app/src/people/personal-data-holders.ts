import { type OwnerId, producerId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { allPages } from "../all-pages.ts";
import type { FollowStore } from "../ports/follow-store.ts";
import type { PersonalDataHolder } from "../ports/personal-data.ts";
import type { ProducerProfileStore } from "../ports/producer-profile-store.ts";

/** A producer's public profile: exported whole; erased by removing it and its listing entries. */
export const producerProfileHolder = (store: ProducerProfileStore): PersonalDataHolder => ({
  category: "producerProfile",
  exportFor: (personId) => pipe(store.get(producerId(personId)), TE.map(O.toNullable)),
  eraseFor: (personId) => store.remove(producerId(personId)),
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
