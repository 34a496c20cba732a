import { addMillis, ownerId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { describe, expect, it } from "vitest";
import { closePlan } from "../plans/close-plan.ts";
import { cancelOwnership } from "../reservations/cancel-ownership.ts";
import type { ReservationResult } from "../reservations/reservation-steps.ts";
import { reserveShares } from "../reservations/reserve-shares.ts";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { makeReservationKit } from "../testing/reservation-kit.ts";
import { acceptOffer } from "./accept-offer.ts";
import { expireOffers } from "./expire-offers.ts";
import { joinWaitlist } from "./join-waitlist.ts";
import { leaveWaitlist } from "./leave-waitlist.ts";
import { listMyWaitlistOffers } from "./list-my-waitlist-offers.ts";
import { myWaitlistPlace } from "./my-waitlist-place.ts";

const TTL = 3_600_000;

/** A plan of 3 shares sold to owner_1 (2) and owner_2 (1). */
const soldOut = async () => {
  const kit = makeReservationKit({ config: { offerTtlMs: TTL } });
  const plan = await kit.givenOpenPlan({ totalShares: 3, maxSharesPerOwner: 2 });
  const buy = (owner: string | number, shares: number, key = `k-${owner}`) =>
    reserveShares(kit.deps)(kit.owner(owner), {
      planId: plan.id,
      shares,
      shippingRegion: "kanto",
      idempotencyKey: key,
    });
  const first = await kit.pay((await succeed(buy(1, 2))).ownership);
  await kit.pay((await succeed(buy(2, 1))).ownership);
  const join = (owner: string, shares: number) =>
    joinWaitlist(kit.deps)(kit.owner(owner), { planId: plan.id, shares });
  const leave = (owner: string) => leaveWaitlist(kit.deps)(kit.owner(owner), { planId: plan.id });
  const accept = (owner: string, offerId: string) =>
    acceptOffer(kit.deps)(kit.owner(owner), { planId: plan.id, offerId, shippingRegion: "kanto" });
  const cancelFirst = () =>
    succeed(cancelOwnership(kit.deps)(kit.owner(1), { ownershipId: first.id }));
  const offers = async () =>
    (await succeed(kit.deps.waitlists.load(plan.id, kit.clock.now()))).waitlist.offers;
  const storedPlan = async () =>
    (await succeed(kit.deps.plans.get(plan.id))) as unknown as {
      value: { sharesSold: number; sharesOffered: number };
    };
  return { kit, plan, buy, join, leave, accept, cancelFirst, offers, storedPlan };
};

describe("joinWaitlist and leaveWaitlist", () => {
  it("joins a sold-out plan in order, once; leaves it", async () => {
    const { join, leave, kit, plan } = await soldOut();
    expect(await succeed(join("a", 1))).toEqual({ planId: plan.id, shares: 1, position: 1 });
    expect(await succeed(join("b", 2))).toMatchObject({ position: 2 });
    expect((await failWith(join("a", 1)))._tag).toBe("WAITLIST.ALREADY_WAITING");
    await succeed(leave("a"));
    expect((await failWith(leave("a")))._tag).toBe("WAITLIST.NOT_WAITING");
    const { waitlist } = await succeed(kit.deps.waitlists.load(plan.id, kit.clock.now()));
    expect(waitlist.entries.map((e) => e.ownerId)).toEqual(["owner_b"]);
  });

  it("refuses while shares are for sale, beyond the owner's cap, on a closed plan, and for non-owners", async () => {
    const kit = makeReservationKit();
    const plan = await kit.givenOpenPlan();
    const join = (owner: string, shares: number) =>
      joinWaitlist(kit.deps)(kit.owner(owner), { planId: plan.id, shares });
    expect((await failWith(join("a", 1)))._tag).toBe("WAITLIST.NOT_SOLD_OUT");
    const s = await soldOut();
    expect((await failWith(s.join("1", 1)))._tag).toBe("PLAN.OWNER_LIMIT");
    expect((await failWith(s.join("x", 0)))._tag).toBe("RESERVATION.INVALID_SHARES");
    expect(
      (await failWith(joinWaitlist(s.kit.deps)(s.kit.producer, { planId: s.plan.id, shares: 1 })))
        ._tag,
    ).toBe("AUTH.FORBIDDEN");
    await succeed(closePlan(s.kit.deps)(s.kit.producer, { planId: s.plan.id }));
    expect((await failWith(s.join("y", 1)))._tag).toBe("PLAN.NOT_OPEN");
  });
});

describe("acceptOffer", () => {
  it("turns a live offer into a hold at today's price with one checkout, even if accepted twice", async () => {
    const { join, accept, cancelFirst, offers, storedPlan, kit, plan } = await soldOut();
    await succeed(join("a", 2));
    await cancelFirst();
    const [offer] = await offers();
    expect(offer).toMatchObject({ ownerId: "owner_a", shares: 2 });
    const taken = await succeed(accept("a", offer?.id as string));
    expect(taken).toMatchObject({
      replayed: false,
      ownership: { ownerId: "owner_a", shares: 2, status: "pending_payment" },
    });
    expect(await storedPlan()).toMatchObject({ value: { sharesSold: 3, sharesOffered: 0 } });
    expect(await offers()).toEqual([]);
    expect(await succeed(accept("a", offer?.id as string))).toEqual({ ...taken, replayed: true });
    expect(
      kit.payments.checkouts().filter((c) => c.request.ownershipId === taken.ownership.id),
    ).toHaveLength(1);
    expect(await kit.pay(taken.ownership)).toMatchObject({ status: "active" });
    expect(await succeed(kit.deps.ownerships.ownerActiveShares(plan.id, ownerId("owner_a")))).toBe(
      2,
    );
  });

  it("never honours an expired offer, even before the batch withdraws it (WAITLIST.OFFER_EXPIRED)", async () => {
    const { join, accept, cancelFirst, offers, kit } = await soldOut();
    await succeed(join("a", 2));
    await cancelFirst();
    const [offer] = await offers();
    kit.clock.set(offer?.expiresAt as string);
    expect((await failWith(accept("a", offer?.id as string)))._tag).toBe("WAITLIST.OFFER_EXPIRED");
    expect(kit.payments.checkouts().filter((c) => c.request.ownerId === "owner_a")).toEqual([]);
  });

  it("keeps offers private (WAITLIST.OFFER_NOT_FOUND for another owner or an unknown offer)", async () => {
    const { join, accept, cancelFirst, offers } = await soldOut();
    await succeed(join("a", 2));
    await cancelFirst();
    const [offer] = await offers();
    expect((await failWith(accept("b", offer?.id as string)))._tag).toBe(
      "WAITLIST.OFFER_NOT_FOUND",
    );
    expect((await failWith(accept("a", "offer_nope")))._tag).toBe("WAITLIST.OFFER_NOT_FOUND");
  });

  it("prices the shares as a reservation at that moment would: a first-N price another buyer took meanwhile is not given twice", async () => {
    const kit = makeReservationKit({ config: { offerTtlMs: TTL } });
    // Shares 1..7 cost 4000, the others 5000.
    const plan = await kit.givenOpenPlan({
      totalShares: 10,
      maxSharesPerOwner: 10,
      pricing: {
        basePriceYen: 5000,
        tiers: [{ kind: "firstShares", count: 7, priceYen: 4000 }],
        shippingSurchargeYen: { kanto: 0 },
      },
    });
    const buy = (owner: string, shares: number) =>
      reserveShares(kit.deps)(kit.owner(owner), {
        planId: plan.id,
        shares,
        shippingRegion: "kanto",
        idempotencyKey: `k-${owner}`,
      });
    const x = await kit.pay((await succeed(buy("x", 4))).ownership);
    await kit.pay((await succeed(buy("y", 6))).ownership);
    await succeed(joinWaitlist(kit.deps)(kit.owner("a"), { planId: plan.id, shares: 1 }));
    // owner_x's 4 shares come back: 1 is offered to owner_a, 3 are for sale; 6 stay sold.
    await succeed(cancelOwnership(kit.deps)(kit.owner("x"), { ownershipId: x.id }));
    const [offer] = (await succeed(kit.deps.waitlists.load(plan.id, kit.clock.now()))).waitlist
      .offers;
    // While owner_a's accept is between its read and its write, owner_b buys share number 7,
    // the last one at the first-N price.
    let raced: ReservationResult | undefined;
    const racing = {
      ...kit.deps,
      ownerships: {
        ...kit.deps.ownerships,
        reserve: (command: Parameters<typeof kit.deps.ownerships.reserve>[0]) => {
          if (command.fromOffer === undefined || raced !== undefined)
            return kit.deps.ownerships.reserve(command);
          return pipe(
            buy("b", 1),
            TE.chain((b) => {
              raced = b;
              return kit.deps.ownerships.reserve(command);
            }),
          );
        },
      },
    };
    const taken = await succeed(
      acceptOffer(racing)(kit.owner("a"), {
        planId: plan.id,
        offerId: offer?.id as string,
        shippingRegion: "kanto",
      }),
    );
    expect(raced?.ownership.quote.sharesYen).toBe(4000);
    // owner_a's share is number 8: the base price.
    expect(taken.ownership.quote).toMatchObject({
      sharesYen: 5000,
      lines: [{ shares: 1, unitPriceYen: 5000, reason: "base" }],
    });
  });

  it("a failed payment gives the offer's shares to the next in line", async () => {
    const { join, accept, cancelFirst, offers, kit } = await soldOut();
    await succeed(join("a", 2));
    kit.clock.advance(1);
    await succeed(join("b", 2));
    await cancelFirst();
    const [offer] = await offers();
    const taken = await succeed(accept("a", offer?.id as string));
    expect(await kit.pay(taken.ownership, "failed")).toMatchObject({ status: "payment_failed" });
    expect((await offers()).map((o) => [o.ownerId, o.shares])).toEqual([["owner_b", 2]]);
  });
});

describe("listMyWaitlistOffers", () => {
  it("shows an owner its own live offers only, and none once they lapse", async () => {
    const { join, cancelFirst, kit, plan } = await soldOut();
    await succeed(join("a", 2));
    await succeed(join("b", 1));
    const mine = (owner: string) => listMyWaitlistOffers(kit.deps)(kit.owner(owner));
    expect(await succeed(mine("a"))).toEqual([]);
    await cancelFirst();
    const offers = await succeed(mine("a"));
    expect(offers).toEqual([
      expect.objectContaining({ planId: plan.id, ownerId: "owner_a", shares: 2 }),
    ]);
    expect(await succeed(mine("b"))).toEqual([]);
    kit.clock.set(offers[0]?.expiresAt as string);
    expect(await succeed(mine("a"))).toEqual([]);
    expect((await failWith(listMyWaitlistOffers(kit.deps)(kit.producer)))._tag).toBe(
      "AUTH.FORBIDDEN",
    );
  });
});

describe("myWaitlistPlace", () => {
  it("tells an owner its place, then its offer, then none; not for producers or unknown plans", async () => {
    const { join, leave, cancelFirst, kit, plan } = await soldOut();
    const place = (owner: string, planId: string = plan.id) =>
      myWaitlistPlace(kit.deps)(kit.owner(owner), { planId });
    expect(await succeed(place("a"))).toMatchObject({ status: "none", position: null });
    await succeed(join("a", 2));
    await succeed(join("b", 1));
    await succeed(join("c", 1));
    expect(await succeed(place("b"))).toMatchObject({
      status: "waiting",
      position: 2,
      entry: { shares: 1 },
    });
    await succeed(leave("a"));
    expect((await succeed(place("b"))).position).toBe(1);
    await cancelFirst();
    expect(await succeed(place("b"))).toMatchObject({
      status: "offered",
      offer: { ownerId: "owner_b", shares: 1 },
    });
    expect(await succeed(place("c"))).toMatchObject({ status: "offered" });
    expect((await failWith(place("a", "plan_nope")))._tag).toBe("PLAN.NOT_FOUND");
    expect(
      (await failWith(myWaitlistPlace(kit.deps)(kit.producer, { planId: plan.id })))._tag,
    ).toBe("AUTH.FORBIDDEN");
  });
});

describe("expireOffers", () => {
  it("withdraws expired offers and offers their shares to the next in line; unclaimed shares go back on sale", async () => {
    const { join, cancelFirst, offers, storedPlan, kit, plan, buy } = await soldOut();
    await succeed(join("a", 2));
    kit.clock.advance(1);
    await succeed(join("b", 1));
    await cancelFirst();
    expect((await offers()).map((o) => o.ownerId)).toEqual(["owner_a"]);
    kit.clock.advance(TTL);
    const first = await succeed(expireOffers(kit.deps)(kit.system));
    expect(first).toEqual({ plans: 1, withdrawnOffers: 1, newOffers: 1, failed: [] });
    expect((await offers()).map((o) => [o.ownerId, o.shares])).toEqual([["owner_b", 1]]);
    expect(await storedPlan()).toMatchObject({ value: { sharesSold: 1, sharesOffered: 1 } });
    // Each owner whose turn came was told: owner_a by the cancellation, owner_b by the expiry.
    const notices = (await succeed(kit.deps.outbox.listPending(100))).filter(
      (m) => m.kind === "waitlist-offer-made",
    );
    expect(notices.map((m) => m.recipientId)).toEqual(["owner_a", "owner_b"]);
    const [bOffer] = await offers();
    expect(notices[1]?.dedupeKey).toBe(`waitlist-offer-made#${bOffer?.id}`);
    expect(notices[1]?.body).toContain(bOffer?.expiresAt);
    // One share nobody waits for is for sale again.
    await succeed(buy("c", 1));
    kit.clock.advance(TTL);
    expect(await succeed(expireOffers(kit.deps)(kit.system))).toEqual({
      plans: 1,
      withdrawnOffers: 1,
      newOffers: 0,
      failed: [],
    });
    expect(await succeed(expireOffers(kit.deps)(kit.system))).toEqual({
      plans: 0,
      withdrawnOffers: 0,
      newOffers: 0,
      failed: [],
    });
    expect(await storedPlan()).toMatchObject({ value: { sharesSold: 2, sharesOffered: 0 } });
    const audit = await succeed(kit.deps.audit.listByPlan(plan.id));
    expect(audit.filter((e) => e.action === "waitlist.offer_expired")).toHaveLength(2);
  });

  it("is a batch: owners and producers may not run it (AUTH.FORBIDDEN)", async () => {
    const { kit } = await soldOut();
    expect((await failWith(expireOffers(kit.deps)(kit.owner(1))))._tag).toBe("AUTH.FORBIDDEN");
    expect((await failWith(expireOffers(kit.deps)(kit.producer)))._tag).toBe("AUTH.FORBIDDEN");
  });

  it("withdraws the offers of a plan whose sales closed without offering them on", async () => {
    const { join, cancelFirst, offers, storedPlan, kit, plan } = await soldOut();
    await succeed(join("a", 1));
    kit.clock.advance(1);
    await succeed(join("b", 1));
    await cancelFirst();
    expect(await offers()).toHaveLength(2);
    kit.clock.set(addMillis(kit.clock.now(), TTL));
    await succeed(closePlan(kit.deps)(kit.producer, { planId: plan.id }));
    expect(await storedPlan()).toMatchObject({ value: { sharesOffered: 0 } });
    expect(await succeed(expireOffers(kit.deps)(kit.system))).toEqual({
      plans: 0,
      withdrawnOffers: 0,
      newOffers: 0,
      failed: [],
    });
  });
});
