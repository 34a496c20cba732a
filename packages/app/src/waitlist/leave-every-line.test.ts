import { ownerId, type Plan } from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, it } from "vitest";
import { cancelOwnership } from "../reservations/cancel-ownership.ts";
import { succeed } from "../testing/contracts/expect-task.ts";
import { makeReservationKit, type ReservationKit } from "../testing/reservation-kit.ts";
import { joinWaitlist } from "./join-waitlist.ts";
import { leaveEveryLine } from "./leave-every-line.ts";

/** A plan of 2 shares, all bought by owner_s; then `line` joins its waitlist, 1 share each. */
const soldOutWith = async (kit: ReservationKit, line: readonly string[]) => {
  const plan = await kit.givenOpenPlan({ totalShares: 2, maxSharesPerOwner: 2 });
  const sold = await succeed(
    kit.reservePaid(kit.owner("s"), {
      planId: plan.id,
      shares: 2,
      shippingRegion: "kanto",
      idempotencyKey: `k-${plan.id}`,
    }),
  );
  for (const owner of line)
    await succeed(joinWaitlist(kit.deps)(kit.owner(owner), { planId: plan.id, shares: 1 }));
  return { plan, sold: sold.ownership };
};

describe("leaveEveryLine", () => {
  it("leaves each line it waits in and passes on each offer it holds, once", async () => {
    const kit = makeReservationKit();
    const waiting = await soldOutWith(kit, ["a", "b"]);
    const offered = await soldOutWith(kit, ["x", "a", "c"]);
    // owner_s gives up offered's two shares: owner_x and owner_a are offered one each.
    await succeed(cancelOwnership(kit.deps)(kit.owner("s"), { ownershipId: offered.sold.id }));
    const load = async (plan: Plan) =>
      (await succeed(kit.deps.waitlists.load(plan.id, kit.clock.now()))).waitlist;
    const sharesOffered = async (plan: Plan) =>
      O.toUndefined(await succeed(kit.deps.plans.get(plan.id)))?.sharesOffered;
    expect((await load(offered.plan)).offers.map((o) => o.ownerId)).toEqual(["owner_x", "owner_a"]);

    const left = await succeed(leaveEveryLine(kit.deps)(kit.owner("a"), ownerId("owner_a")));
    expect([...left].sort()).toEqual([waiting.plan.id, offered.plan.id].sort());
    // As a voluntary leave: owner_b moves up.
    expect((await load(waiting.plan)).entries.map((e) => e.ownerId)).toEqual(["owner_b"]);
    // As a lapsed offer: owner_c is offered owner_a's share, which stays held.
    const after = await load(offered.plan);
    expect(after.entries).toEqual([]);
    expect(after.offers.map((o) => [o.ownerId, o.shares])).toEqual([
      ["owner_x", 1],
      ["owner_c", 1],
    ]);
    expect(await sharesOffered(offered.plan)).toBe(2);
    const audit = await succeed(kit.deps.audit.listByPlan(offered.plan.id));
    expect(
      audit
        .filter((e) => e.action === "waitlist.offer_withdrawn")
        .map((e) => (e.after as { ownerId: string }).ownerId),
    ).toEqual(["owner_a"]);

    // A retry (a crash before the closure was recorded) finds nothing left to do.
    const versions = [(await load(waiting.plan)).version, after.version];
    expect(await succeed(leaveEveryLine(kit.deps)(kit.owner("a"), ownerId("owner_a")))).toEqual([]);
    expect([(await load(waiting.plan)).version, (await load(offered.plan)).version]).toEqual(
      versions,
    );
  });

  it("releases an offered share for sale when nobody else waits", async () => {
    const kit = makeReservationKit();
    const { plan, sold } = await soldOutWith(kit, ["a"]);
    await succeed(cancelOwnership(kit.deps)(kit.owner("s"), { ownershipId: sold.id }));
    expect(O.toUndefined(await succeed(kit.deps.plans.get(plan.id)))?.sharesOffered).toBe(1);
    await succeed(leaveEveryLine(kit.deps)(kit.owner("a"), ownerId("owner_a")));
    const stored = O.toUndefined(await succeed(kit.deps.plans.get(plan.id)));
    expect(stored).toMatchObject({ sharesSold: 0, sharesOffered: 0 });
    const { waitlist } = await succeed(kit.deps.waitlists.load(plan.id, kit.clock.now()));
    expect(waitlist).toMatchObject({ entries: [], offers: [] });
  });
});
