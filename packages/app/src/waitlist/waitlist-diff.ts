import type { Waitlist, WaitlistEntry, WaitlistOffer } from "@owners/domain";
import { canonicalJson } from "../store-errors.ts";

/** What a waitlist change writes: entries by seq and offers by id, nothing that stayed the same. */
export interface WaitlistDiff {
  readonly removedEntries: readonly WaitlistEntry[];
  readonly putEntries: readonly WaitlistEntry[];
  readonly removedOffers: readonly WaitlistOffer[];
  readonly putOffers: readonly WaitlistOffer[];
}

const diffBy = <T>(before: readonly T[], after: readonly T[], keyOf: (item: T) => string) => {
  const afterByKey = new Map(after.map((item) => [keyOf(item), item]));
  const beforeByKey = new Map(before.map((item) => [keyOf(item), item]));
  return {
    removed: before.filter((item) => !afterByKey.has(keyOf(item))),
    put: after.filter((item) => {
      const previous = beforeByKey.get(keyOf(item));
      return previous === undefined || canonicalJson(previous) !== canonicalJson(item);
    }),
  };
};

/** The difference between two versions of one waitlist (the stores write only this). */
export const waitlistDiff = (before: Waitlist, after: Waitlist): WaitlistDiff => {
  const entries = diffBy(before.entries, after.entries, (e) => String(e.seq));
  const offers = diffBy(before.offers, after.offers, (o) => o.id);
  return {
    removedEntries: entries.removed,
    putEntries: entries.put,
    removedOffers: offers.removed,
    putOffers: offers.put,
  };
};

/** Waitlist order: entries by seq; offers by the seq of the entry they were made to, then id. */
export const byEntrySeq = (a: WaitlistOffer, b: WaitlistOffer): number =>
  a.entrySeq - b.entrySeq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
