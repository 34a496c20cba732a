import { type OwnerId, placeInLine } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { eachInOrder } from "../../all-pages.ts";
import type { Clock } from "../../ports/clock.ts";
import type { PersonalDataHolder } from "../../ports/personal-data.ts";
import type { WaitlistStore } from "../../ports/waitlist-store.ts";

/**
 * Waitlist offers made to the person. Entries and offers hold only its id and share counts (no
 * name or contact), so erasure keeps nothing to blank: closing the account takes the person out of
 * every line beforehand (leaveEveryLine, in deleteAccount), its offers passing to the next in line.
 */
export const waitlistHolder = (deps: {
  readonly waitlists: WaitlistStore;
  readonly clock: Clock;
}): PersonalDataHolder => ({
  category: "waitlistOffers",
  exportFor: (personId) => deps.waitlists.listOffersOfOwner(personId as OwnerId, deps.clock.now()),
  eraseFor: () => TE.right(undefined),
});

/**
 * The person's places in waitlists: each plan whose line it waits in, the shares it asked for,
 * when it joined and its position now (1 = next to be offered freed shares), read from the line.
 */
export const waitlistEntriesHolder = (deps: {
  readonly waitlists: WaitlistStore;
  readonly clock: Clock;
}): PersonalDataHolder => ({
  category: "waitlistEntries",
  exportFor: (personId) => {
    const owner = personId as OwnerId;
    const now = deps.clock.now();
    return pipe(
      deps.waitlists.listEntriesOfOwner(owner),
      TE.chain((entries) =>
        eachInOrder(entries, (entry) =>
          pipe(
            deps.waitlists.load(entry.planId, now),
            TE.map(({ waitlist }) => ({
              planId: entry.planId,
              shares: entry.shares,
              joinedAt: entry.joinedAt,
              position: placeInLine(waitlist, owner, now).position,
            })),
          ),
        ),
      ),
    );
  },
  eraseFor: () => TE.right(undefined),
});
