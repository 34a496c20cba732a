import { withWaiting } from "@owners/app/testing";
import { emptyWaitlist, instant, offerFreedShares, offerId, planId } from "@owners/domain";
import { describe, expect, it } from "vitest";
import { throughDynamo } from "./testing/stored.ts";
import {
  OFFER_TTL_GRACE_SECONDS,
  waitlistEntryToItem,
  waitlistFromItems,
  waitlistHeadToItem,
  waitlistOfferToItem,
} from "./waitlist-mapper.ts";

describe("waitlist mapper", () => {
  const plan = planId("plan_w");
  const at = instant("2026-06-10T00:00:00.000Z");
  const line = withWaiting(
    withWaiting(withWaiting(emptyWaitlist(plan), "owner_1", 2, at), "owner_2", 1, at),
    "owner_3",
    3,
    at,
  );
  let n = 0;
  const offered = offerFreedShares(line, 3, at, 3_600_000, () => offerId(`offer_${++n}`)).waitlist;

  const items = (w: typeof offered) => [
    waitlistHeadToItem(w),
    ...w.entries.map((e) => waitlistEntryToItem(plan, e)),
    ...w.offers.map((o) => waitlistOfferToItem(plan, o)),
  ];

  it("round-trips a waitlist (head, entries, partial offers) from its items in any order", () => {
    expect(offered.entries.length).toBe(1);
    expect(offered.offers.map((o) => o.shares)).toEqual([2, 1]);
    const stored = items(offered).map(throughDynamo).reverse();
    expect(waitlistFromItems(plan, stored)).toEqual(offered);
  });

  it("indexes an entry under its owner (GSI1), earliest joined first, for its export and closure", () => {
    const entry = offered.entries[0] as (typeof offered.entries)[number];
    expect(waitlistEntryToItem(plan, entry)).toMatchObject({
      GSI1PK: `OWNER#${entry.ownerId}#WAITLIST`,
      GSI1SK: `${entry.joinedAt}#${plan}#${String(entry.seq).padStart(12, "0")}`,
    });
  });

  it("reads no items as the empty waitlist", () => {
    expect(waitlistFromItems(plan, [])).toEqual(emptyWaitlist(plan));
  });

  it("gives offers a TTL a grace period after their expiry (TTL only collects garbage)", () => {
    const offer = offered.offers[0] as (typeof offered.offers)[number];
    const item = waitlistOfferToItem(plan, offer);
    expect(item.expiresAtEpoch).toBe(Date.parse(offer.expiresAt) / 1000 + OFFER_TTL_GRACE_SECONDS);
  });
});
