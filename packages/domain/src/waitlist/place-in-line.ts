import type { OwnerId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import { isOfferLive, type Waitlist, type WaitlistEntry, type WaitlistOffer } from "./waitlist.ts";

/**
 * Where an owner stands in a plan's line, as the owner sees it:
 * - "offered": it holds a live offer (shares held for it until expiresAt);
 * - "waiting": it is in line; position 1 is the next to be offered freed shares;
 * - "none": neither (never joined, left, was served, or its offer lapsed).
 */
export type PlaceInLine =
  | {
      readonly status: "offered";
      readonly offer: WaitlistOffer;
      /** Set only if it is also still in line (not possible today, but not assumed away). */
      readonly entry: WaitlistEntry | null;
      readonly position: number | null;
    }
  | {
      readonly status: "waiting";
      readonly entry: WaitlistEntry;
      readonly position: number;
      readonly offer: null;
    }
  | {
      readonly status: "none";
      readonly entry: null;
      readonly position: null;
      readonly offer: null;
    };

/**
 * The owner's place. The position is counted in `entries` order, which is the order
 * offerFreedShares serves the line in: owners who joined at the same instant keep the
 * waitlist's own order (join joinedAt is never used to re-sort, so a tie cannot reorder it).
 * An expired offer still stored does not count: it will never be honoured.
 */
export const placeInLine = (waitlist: Waitlist, ownerId: OwnerId, now: Instant): PlaceInLine => {
  const index = waitlist.entries.findIndex((e) => e.ownerId === ownerId);
  const entry = index >= 0 ? (waitlist.entries[index] ?? null) : null;
  const position = entry === null ? null : index + 1;
  const offer = waitlist.offers.find((o) => o.ownerId === ownerId && isOfferLive(o, now));
  if (offer !== undefined) return { status: "offered", offer, entry, position };
  if (entry !== null && position !== null)
    return { status: "waiting", entry, position, offer: null };
  return { status: "none", entry: null, position: null, offer: null };
};
