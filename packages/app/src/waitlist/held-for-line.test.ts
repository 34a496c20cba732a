import * as TE from "fp-ts/lib/TaskEither.js";
import { describe, expect, it } from "vitest";
import { appError } from "../errors.ts";
import { cancelOwnership } from "../reservations/cancel-ownership.ts";
import { reserveShares } from "../reservations/reserve-shares.ts";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { givenPaidOwnership } from "../testing/paid-ownership.ts";
import { makeReservationKit } from "../testing/reservation-kit.ts";
import { acceptOffer } from "./accept-offer.ts";
import { expireOffers } from "./expire-offers.ts";
import { joinWaitlist } from "./join-waitlist.ts";
import { leaveWaitlist } from "./leave-waitlist.ts";
import { closeLine, MAX_OFFERS_PER_WRITE } from "./waitlist-steps.ts";

const setup = async () => {
  const kit = makeReservationKit();
  const plan = await kit.givenOpenPlan({ totalShares: 60, maxSharesPerOwner: 30 });
  const big = await givenPaidOwnership(kit, plan, kit.owner("big"), 30);
  await givenPaidOwnership(kit, plan, kit.owner("rest"), 30);
  for (let i = 0; i < 35; i += 1) {
    await succeed(joinWaitlist(kit.deps)(kit.owner(`w${i}`), { planId: plan.id, shares: 1 }));
    kit.clock.advance(1);
  }
  const line = async () =>
    (await succeed(kit.deps.waitlists.load(plan.id, kit.clock.now()))).waitlist;
  const stored = async () => {
    const found = await succeed(kit.deps.plans.get(plan.id));
    if (found._tag === "None") throw new Error("no plan");
    return found.value;
  };
  return { kit, plan, big, line, stored };
};

/** The deps with every waitlist write failing (a crash, an outage) after the cancellation's own. */
const broken = (kit: ReturnType<typeof makeReservationKit>) => ({
  ...kit.deps,
  waitlists: {
    ...kit.deps.waitlists,
    save: () => TE.left(appError("STORE.UNAVAILABLE", "gone")),
  },
});

describe("shares held for the line", () => {
  it("a cancellation offers a bounded number in its write and the rest right after", async () => {
    const { kit, big, line, stored } = await setup();
    await succeed(cancelOwnership(kit.deps)(kit.owner("big"), { ownershipId: big.id }));
    const after = await line();
    expect(after.offers).toHaveLength(30);
    expect(after.heldForLine ?? 0).toBe(0);
    expect(after.entries).toHaveLength(5);
    expect(await stored()).toMatchObject({ sharesSold: 30, sharesOffered: 30 });
  });

  it("after a crash between the commit and the follow-up they stay held, until the expiry batch passes the line on", async () => {
    const { kit, plan, big, line, stored } = await setup();
    await succeed(cancelOwnership(broken(kit))(kit.owner("big"), { ownershipId: big.id }));
    const held = await line();
    expect(held.offers).toHaveLength(MAX_OFFERS_PER_WRITE);
    expect(held.heldForLine).toBe(30 - MAX_OFFERS_PER_WRITE);
    expect(await stored()).toMatchObject({ sharesSold: 30, sharesOffered: 30 });
    // Nobody outside the line can buy the held shares.
    const outsider = await failWith(
      reserveShares(kit.deps)(kit.owner("outsider"), {
        planId: plan.id,
        shares: 1,
        shippingRegion: "kanto",
        idempotencyKey: "outsider",
      }),
    );
    expect(outsider._tag).toBe("PLAN.SOLD_OUT");
    // The first offers expire unanswered: the batch passes their shares and the held ones on to
    // the ten still waiting, and what nobody waits for goes back on sale.
    kit.clock.advance(kit.deps.config.offerTtlMs + 1);
    await succeed(expireOffers(kit.deps)(kit.system, {}));
    const offered = await line();
    const rest = 35 - MAX_OFFERS_PER_WRITE;
    expect(offered.offers.map((o) => o.ownerId)).toEqual(
      Array.from({ length: rest }, (_, i) => `owner_w${MAX_OFFERS_PER_WRITE + i}`),
    );
    expect(offered.entries).toEqual([]);
    expect(offered.heldForLine ?? 0).toBe(0);
    expect(await stored()).toMatchObject({ sharesSold: 30, sharesOffered: rest });
  });

  it("after a crash they are offered by the expiry batch even when every offer made was accepted", async () => {
    const { kit, plan, big, line, stored } = await setup();
    await succeed(cancelOwnership(broken(kit))(kit.owner("big"), { ownershipId: big.id }));
    const held = await line();
    const rest = 30 - MAX_OFFERS_PER_WRITE;
    expect(held.heldForLine).toBe(rest);
    // Every offer is taken in time: no offer ever lapses on this plan.
    for (const offer of held.offers)
      await succeed(
        acceptOffer(kit.deps)(kit.owner(offer.ownerId.replace(/^owner_/, "")), {
          planId: plan.id,
          offerId: offer.id,
          shippingRegion: "kanto",
        }),
      );
    expect(await stored()).toMatchObject({
      sharesSold: 30 + MAX_OFFERS_PER_WRITE,
      sharesOffered: 30 - MAX_OFFERS_PER_WRITE,
    });
    const result = await succeed(expireOffers(kit.deps)(kit.system, {}));
    expect(result).toMatchObject({ plans: 1, withdrawnOffers: 0, newOffers: rest, failed: [] });
    const offered = await line();
    expect(offered.offers.map((o) => o.ownerId)).toEqual(
      Array.from({ length: rest }, (_, i) => `owner_w${MAX_OFFERS_PER_WRITE + i}`),
    );
    expect(offered.heldForLine ?? 0).toBe(0);
    expect(offered.entries.map((e) => e.ownerId)).toEqual(
      Array.from({ length: 5 }, (_, i) => `owner_w${30 + i}`),
    );
    expect(await stored()).toMatchObject({
      sharesSold: 30 + MAX_OFFERS_PER_WRITE,
      sharesOffered: rest,
    });
    // Done: the next run finds nothing held.
    expect(await succeed(expireOffers(kit.deps)(kit.system, {}))).toMatchObject({ plans: 0 });
  });

  it("after a crash, once nobody waits any more, the expiry batch puts them back on sale", async () => {
    const { kit, plan, big, line, stored } = await setup();
    await succeed(cancelOwnership(broken(kit))(kit.owner("big"), { ownershipId: big.id }));
    const held = await line();
    for (const entry of held.entries)
      await succeed(
        leaveWaitlist(kit.deps)(kit.owner(entry.ownerId.replace(/^owner_/, "")), {
          planId: plan.id,
        }),
      );
    for (const offer of held.offers)
      await succeed(
        acceptOffer(kit.deps)(kit.owner(offer.ownerId.replace(/^owner_/, "")), {
          planId: plan.id,
          offerId: offer.id,
          shippingRegion: "kanto",
        }),
      );
    await succeed(expireOffers(kit.deps)(kit.system, {}));
    expect((await line()).heldForLine ?? 0).toBe(0);
    expect(await stored()).toMatchObject({
      sharesSold: 30 + MAX_OFFERS_PER_WRITE,
      sharesOffered: 0,
    });
    // For sale again to anyone.
    await succeed(
      reserveShares(kit.deps)(kit.owner("outsider"), {
        planId: plan.id,
        shares: 1,
        shippingRegion: "kanto",
        idempotencyKey: "outsider",
      }),
    );
  });

  it("closing the line releases held shares with the offers", async () => {
    const { kit, plan, big, line, stored } = await setup();
    await succeed(cancelOwnership(broken(kit))(kit.owner("big"), { ownershipId: big.id }));
    await succeed(closeLine(kit.deps)(kit.system, plan.id));
    expect((await line()).heldForLine ?? 0).toBe(0);
    expect(await stored()).toMatchObject({ sharesSold: 30, sharesOffered: 0 });
  });
});
