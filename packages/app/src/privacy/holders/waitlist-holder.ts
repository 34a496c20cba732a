import type { OwnerId } from "@owners/domain";
import * as TE from "fp-ts/lib/TaskEither.js";
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
