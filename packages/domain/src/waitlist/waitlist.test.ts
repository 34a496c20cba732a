import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import type { Plan } from "../plans/plan.ts";
import { codeOf, leftOf, planIn, rightOf, T } from "../plans/terms.fixtures.ts";
import { type OfferId, type OwnerId, offerId, ownerId } from "../shared/ids.ts";
import { addMillis } from "../shared/time.ts";
import {
  acceptOffer,
  closeWaitlist,
  emptyWaitlist,
  expireOffers,
  heldShares,
  type JoinWaitlistInput,
  joinWaitlist,
  leaveWaitlist,
  offerFreedShares,
  type Waitlist,
  type WaitlistEntry,
  withdrawOwner,
  withHeldShares,
} from "./waitlist.ts";

const TTL = 60_000;
const alice = ownerId("alice");
const bob = ownerId("bob");
const carol = ownerId("carol");
const soldOut = planIn("open", { sharesSold: 100 });
const counterIds = () => {
  let n = 0;
  return () => offerId(`offer-${++n}`);
};

const join = (overrides: Partial<JoinWaitlistInput> = {}) =>
  joinWaitlist({
    waitlist: emptyWaitlist(soldOut.id),
    plan: soldOut,
    ownerId: alice,
    shares: 2,
    ownerActiveShares: 0,
    isReturningOwner: false,
    now: T.during,
    ...overrides,
  });

/** A line of owners (in this order) wanting the given shares. */
const lineOf = (...wants: [OwnerId, number][]): Waitlist =>
  wants.reduce(
    (waitlist, [owner, shares]) => rightOf(join({ waitlist, ownerId: owner, shares })),
    emptyWaitlist(soldOut.id),
  );

describe("joinWaitlist / leaveWaitlist", () => {
  it("queues owners in join order", () => {
    const waitlist = lineOf([alice, 2], [bob, 1]);
    expect(waitlist.entries).toEqual([
      { ownerId: alice, shares: 2, joinedAt: T.during, seq: 1 },
      { ownerId: bob, shares: 1, joinedAt: T.during, seq: 2 },
    ]);
  });

  it("refuses to queue while shares are available with WAITLIST.NOT_SOLD_OUT", () => {
    const error = leftOf(join({ plan: planIn("open", { sharesSold: 99 }) }));
    expect(error._tag).toBe("WAITLIST.NOT_SOLD_OUT");
    expect(error.details).toMatchObject({ remaining: 1 });
    // Shares held for offers count as taken.
    expect(E.isRight(join({ plan: planIn("open", { sharesSold: 99, sharesOffered: 1 }) }))).toBe(
      true,
    );
  });

  it("refuses a second entry, or an owner with a live offer, with WAITLIST.ALREADY_WAITING", () => {
    expect(codeOf(join({ waitlist: lineOf([alice, 1]) }))).toBe("WAITLIST.ALREADY_WAITING");
    const offered = offerFreedShares(lineOf([alice, 1]), 1, T.during, TTL, counterIds()).waitlist;
    expect(codeOf(join({ waitlist: offered }))).toBe("WAITLIST.ALREADY_WAITING");
    // An expired offer, even still stored, does not count.
    expect(E.isRight(join({ waitlist: offered, now: addMillis(T.during, TTL) }))).toBe(true);
  });

  it("checks shares, the owner's limit and that sales are open", () => {
    expect(codeOf(join({ shares: 0 }))).toBe("RESERVATION.INVALID_SHARES");
    expect(codeOf(join({ ownerActiveShares: 4, shares: 2 }))).toBe("PLAN.OWNER_LIMIT");
    expect(codeOf(join({ plan: { ...soldOut, status: "closed" } }))).toBe("PLAN.NOT_OPEN");
    expect(codeOf(join({ now: T.closes }))).toBe("PLAN.NOT_OPEN");
  });

  it("lets a waiting owner leave, and refuses others with WAITLIST.NOT_WAITING", () => {
    const waitlist = lineOf([alice, 2], [bob, 1]);
    expect(rightOf(leaveWaitlist(waitlist, alice)).entries.map((e) => e.ownerId)).toEqual([bob]);
    expect(codeOf(leaveWaitlist(waitlist, carol))).toBe("WAITLIST.NOT_WAITING");
  });
});

describe("offerFreedShares", () => {
  it("offers in line order, partially to the last one served, and reports leftovers", () => {
    const line = lineOf([alice, 2], [bob, 3], [carol, 1]);
    const result = offerFreedShares(line, 4, T.during, TTL, counterIds());
    expect(result.offers).toEqual([
      {
        id: "offer-1",
        ownerId: alice,
        shares: 2,
        wantedShares: 2,
        entrySeq: 1,
        offeredAt: T.during,
        expiresAt: addMillis(T.during, TTL),
      },
      {
        id: "offer-2",
        ownerId: bob,
        shares: 2,
        wantedShares: 3,
        entrySeq: 2,
        offeredAt: T.during,
        expiresAt: addMillis(T.during, TTL),
      },
    ]);
    expect(result.offeredShares).toBe(4);
    expect(result.unofferedShares).toBe(0);
    expect(result.waitlist.entries.map((e) => e.ownerId)).toEqual([carol]);
    expect(heldShares(result.waitlist)).toBe(4);
  });

  it("returns shares nobody waits for as unoffered, changing nothing", () => {
    const line = lineOf([alice, 1]);
    const result = offerFreedShares(line, 3, T.during, TTL, counterIds());
    expect(result.offeredShares).toBe(1);
    expect(result.unofferedShares).toBe(2);
    const none = offerFreedShares(result.waitlist, 0, T.during, TTL, counterIds());
    expect(none.waitlist).toBe(result.waitlist);
  });

  it("is FIFO and never offers more than the freed shares", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 8 }),
        fc.integer({ min: 0, max: 30 }),
        (wants, freed) => {
          const line = lineOf(...wants.map((w, i) => [ownerId(`o${i}`), w] as [OwnerId, number]));
          const result = offerFreedShares(line, freed, T.during, TTL, counterIds());
          const offered = result.offers.reduce((sum, o) => sum + o.shares, 0);
          const wanted = wants.reduce((sum, w) => sum + w, 0);
          expect(offered).toBeLessThanOrEqual(freed);
          expect(offered).toBe(Math.min(freed, wanted));
          expect(result.offeredShares + result.unofferedShares).toBe(freed);
          // Offers go to a prefix of the line, in order; only the last may be partial.
          result.offers.forEach((offer, i) => {
            const entry = line.entries[i] as WaitlistEntry;
            expect([offer.ownerId, offer.entrySeq]).toEqual([entry.ownerId, entry.seq]);
            if (i < result.offers.length - 1) expect(offer.shares).toBe(entry.shares);
            else expect(offer.shares).toBeLessThanOrEqual(entry.shares);
            expect(offer.shares).toBeGreaterThan(0);
          });
          expect(result.waitlist.entries).toEqual(line.entries.slice(result.offers.length));
          // Nobody is left waiting while unoffered shares remain.
          if (result.unofferedShares > 0) expect(result.waitlist.entries).toEqual([]);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("acceptOffer / expireOffers", () => {
  // bob and carol wait; alice cancelled 2 shares which were offered to bob.
  const setup = () => {
    const line = lineOf([bob, 2], [carol, 2]);
    const { waitlist, offers } = offerFreedShares(line, 2, T.during, TTL, counterIds());
    const plan = withHeldShares({ ...soldOut, sharesSold: 98 }, waitlist, T.during);
    return { waitlist, plan, offer: offers[0] as { id: OfferId; expiresAt: typeof T.during } };
  };
  const accept = (overrides: Partial<Parameters<typeof acceptOffer>[0]> = {}, s = setup()) =>
    acceptOffer({
      waitlist: s.waitlist,
      plan: s.plan,
      offerId: s.offer.id,
      ownerId: bob,
      ownerActiveShares: 0,
      now: addMillis(T.during, 1000),
      ...overrides,
    });

  it("moves accepted shares from held to sold", () => {
    const s = setup();
    expect(s.plan).toMatchObject({ sharesSold: 98, sharesOffered: 2 });
    const accepted = rightOf(accept({}, s));
    expect(accepted.plan).toMatchObject({ sharesSold: 100, sharesOffered: 0 });
    expect(accepted.plan.version).toBe(s.plan.version + 1);
    expect(accepted.offer).toMatchObject({ ownerId: bob, shares: 2 });
    expect(accepted.waitlist.offers).toEqual([]);
  });

  it("refuses unknown offers and other owners' offers with WAITLIST.OFFER_NOT_FOUND", () => {
    expect(codeOf(accept({ offerId: offerId("nope") }))).toBe("WAITLIST.OFFER_NOT_FOUND");
    expect(codeOf(accept({ ownerId: carol }))).toBe("WAITLIST.OFFER_NOT_FOUND");
  });

  it("never honours an expired offer, even while still stored", () => {
    const s = setup();
    expect(codeOf(accept({ now: s.offer.expiresAt }, s))).toBe("WAITLIST.OFFER_EXPIRED");
    expect(E.isRight(accept({ now: addMillis(s.offer.expiresAt, -1) }, s))).toBe(true);
  });

  it("still checks the owner's limit and that sales are open", () => {
    expect(codeOf(accept({ ownerActiveShares: 4 }))).toBe("PLAN.OWNER_LIMIT");
    const s = setup();
    expect(codeOf(accept({}, { ...s, plan: { ...s.plan, status: "closed" } as Plan }))).toBe(
      "PLAN.NOT_OPEN",
    );
  });

  it("withdraws expired offers and re-offers their shares to the next in line", () => {
    const s = setup();
    const live = expireOffers(s.waitlist, addMillis(T.during, TTL - 1), TTL, counterIds());
    expect(live.expired).toEqual([]);
    expect(live.waitlist).toBe(s.waitlist);
    const later = addMillis(T.during, TTL);
    const result = expireOffers(s.waitlist, later, TTL, () => offerId("offer-carol"));
    expect(result.expired.map((o) => o.ownerId)).toEqual([bob]);
    expect(result.withdrawnShares).toBe(2);
    expect(result.offers).toEqual([
      expect.objectContaining({ id: "offer-carol", ownerId: carol, shares: 2 }),
    ]);
    expect(result.waitlist.entries).toEqual([]);
    // Bob forfeited his place: his offer is gone for good.
    expect(
      codeOf(
        accept({ waitlist: result.waitlist, now: later }, { ...s, waitlist: result.waitlist }),
      ),
    ).toBe("WAITLIST.OFFER_NOT_FOUND");
    expect(withHeldShares(s.plan, result.waitlist, later).sharesOffered).toBe(2);
  });

  it("withdraws and offers at most one write's worth, keeping the line's order and every share", () => {
    const offerOf = (i: number, shares: number, expired: boolean) => ({
      id: offerId(`o${i}`),
      ownerId: ownerId(`holder${i}`),
      shares,
      wantedShares: shares,
      entrySeq: i,
      offeredAt: T.during,
      expiresAt: addMillis(T.during, expired ? TTL : 10 * TTL),
    });
    const now = addMillis(T.during, TTL);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.boolean()), { maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 80 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        (offered, wants, maxExpired, maxOffers) => {
          const waitlist: Waitlist = {
            planId: soldOut.id,
            offers: offered.map(([shares, expired], i) => offerOf(i, shares, expired)),
            entries: wants.map((shares, i) => ({
              ownerId: ownerId(`waiter${i}`),
              shares,
              joinedAt: T.during,
              seq: 100 + i,
            })),
            nextSeq: 100 + wants.length,
            version: 1,
          };
          const result = expireOffers(waitlist, now, TTL, counterIds(), { maxExpired, maxOffers });
          const lapsed = waitlist.offers.filter((o) => o.expiresAt <= now);
          // The oldest lapsed offers go first; the others stay stored for the next write.
          expect(result.expired).toEqual(lapsed.slice(0, maxExpired));
          expect(result.offers.length).toBeLessThanOrEqual(maxOffers);
          expect(result.offers.map((o) => o.ownerId)).toEqual(
            waitlist.entries.slice(0, result.offers.length).map((e) => e.ownerId),
          );
          // No share lost or invented: withdrawn ones are offered or left over.
          expect(result.offeredShares + result.unofferedShares).toBe(result.withdrawnShares);
          expect(heldShares(result.waitlist) + result.withdrawnShares).toBe(
            heldShares(waitlist) + result.offeredShares,
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it("releases everything when sales end", () => {
    const s = setup();
    const closed = closeWaitlist(s.waitlist);
    expect(closed.withdrawnShares).toBe(2);
    expect(closed.waitlist).toMatchObject({ entries: [], offers: [] });
    expect(withHeldShares(s.plan, closed.waitlist, T.closes).sharesOffered).toBe(0);
  });
});

describe("withdrawOwner (the owner's account closes)", () => {
  const dave = ownerId("dave");

  it("takes a waiting owner out of the line as leaving does: those behind move up", () => {
    const line = lineOf([alice, 1], [bob, 2], [carol, 1]);
    const result = withdrawOwner(line, bob, T.during, TTL, counterIds());
    expect(result.waitlist).toEqual(rightOf(leaveWaitlist(line, bob)));
    expect(result).toMatchObject({ expired: [], offers: [], withdrawnShares: 0 });
  });

  it("passes the owner's offer to the next in line, as when it lapses, even before it does", () => {
    // alice was offered 2 of 3 freed shares (bob is partly served), then closes.
    const line = lineOf([alice, 2], [bob, 2], [carol, 1], [dave, 1]);
    const offered = offerFreedShares(line, 3, T.during, TTL, counterIds()).waitlist;
    expect(offered.entries.map((e) => e.ownerId)).toEqual([carol, dave]);
    const now = addMillis(T.during, 1000);
    const result = withdrawOwner(offered, alice, now, TTL, () => offerId("offer-next"), {
      maxOffers: 1,
    });
    expect(result.expired.map((o) => [o.ownerId, o.shares])).toEqual([[alice, 2]]);
    expect(result.offers).toEqual([
      expect.objectContaining({ ownerId: carol, shares: 1, expiresAt: addMillis(now, TTL) }),
    ]);
    // One offer at most: dave's share stays over, for the caller to hold for the line.
    expect(result.unofferedShares).toBe(1);
    expect(result.waitlist.entries.map((e) => e.ownerId)).toEqual([dave]);
    expect(result.waitlist.offers.map((o) => o.ownerId)).toEqual([bob, carol]);
    expect(heldShares(result.waitlist) + result.withdrawnShares).toBe(
      heldShares(offered) + result.offeredShares,
    );
  });

  it("changes nothing for an owner neither waiting nor offered anything", () => {
    const line = lineOf([alice, 1]);
    const result = withdrawOwner(line, bob, T.during, TTL, counterIds());
    expect(result.waitlist).toBe(line);
    expect(result).toMatchObject({ expired: [], offers: [], withdrawnShares: 0 });
  });
});
