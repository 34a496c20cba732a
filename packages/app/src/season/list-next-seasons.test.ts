import { instant, type Plan } from "@owners/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { type HarvestWorld, makeHarvestWorld } from "../testing/harvest-world.ts";
import { listNextSeasons } from "./list-next-seasons.ts";

/** Next year's plan of the same producer, with a returning owners' week before it opens. */
const NEXT = {
  created: instant("2027-04-01T00:00:00.000Z"),
  early: instant("2027-05-25T00:00:00.000Z"),
  opens: instant("2027-06-01T00:00:00.000Z"),
  closes: instant("2027-07-01T00:00:00.000Z"),
};

describe("listNextSeasons (reserve again)", () => {
  let world: HarvestWorld;
  let next: Plan;
  beforeEach(async () => {
    world = makeHarvestWorld();
    const last = await world.allocatedPlan(
      "plan_figs-2026",
      [
        ["alice", 2],
        ["bob", 1],
      ],
      [["lot-1", 12]],
    );
    const stored = await succeed(world.deps.plans.get(last.id));
    if (stored._tag === "None") throw new Error("no plan");
    await succeed(
      world.deps.plans.save({ ...stored.value, status: "completed" }, stored.value.version),
    );
    next = await world.openPlan(
      "plan_figs-2027",
      {
        salesWindow: {
          opensAt: NEXT.opens,
          closesAt: NEXT.closes,
          returningOwnersOpenAt: NEXT.early,
        },
        cancellationDeadline: instant("2027-06-20T00:00:00.000Z"),
        deliveryWindow: { from: "2027-08-01", to: "2027-08-31" },
      },
      { createdAt: NEXT.created },
    );
    // Another producer's plan is never offered.
    await world.openPlan(
      "plan_other",
      {},
      { producerId: "producer_other" as Plan["producerId"], createdAt: NEXT.created },
    );
  });

  const cards = (owner: string) => succeed(listNextSeasons(world.deps)(world.owner(owner)));

  it("offers the producer's next plan to each owner of the completed one, same shares", async () => {
    world.clock.set(instant("2027-05-26T00:00:00.000Z"));
    const [card, ...rest] = await cards("alice");
    expect(rest).toEqual([]);
    expect(card).toMatchObject({
      completedPlan: { id: "plan_figs-2026" },
      nextPlan: { id: next.id },
      opensToYouAt: NEXT.early,
      windowOpen: true,
      suggestedShares: 2,
      alreadyReserved: false,
    });
    expect((await cards("bob"))[0]?.suggestedShares).toBe(1);
    expect(await cards("carol")).toEqual([]);
  });

  it("says the window is not open yet before the returning owners' instant", async () => {
    world.clock.set(instant("2027-05-01T00:00:00.000Z"));
    expect((await cards("alice"))[0]).toMatchObject({
      windowOpen: false,
      opensToYouAt: NEXT.early,
    });
  });

  it("is for owners only", async () => {
    const error = await failWith(listNextSeasons(world.deps)(world.producerOf(next)));
    expect(error._tag).toBe("AUTH.FORBIDDEN");
  });
});
