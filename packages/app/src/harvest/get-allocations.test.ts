import { instant, planId } from "@owners/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { collectPages, failWith, succeed } from "../testing/contracts/expect-task.ts";
import { type HarvestWorld, makeHarvestWorld, SYSTEM } from "../testing/harvest-world.ts";
import { allocateHarvests } from "./allocate-harvests.ts";
import { getAllocations } from "./get-allocations.ts";

describe("getAllocations", () => {
  let world: HarvestWorld;
  let planIdOf: ReturnType<typeof planId>;
  beforeEach(async () => {
    world = makeHarvestWorld();
    const plan = await world.openPlan("plan_figs");
    await world.reserve(plan, "alice", 3, 0);
    await world.reserve(plan, "bob", 2, 1);
    const closed = await world.closePlan(plan.id);
    await world.addLot(closed, "lot_1", 15, { recordedAt: instant("2026-07-20T00:00:00.000Z") });
    await world.addLot(closed, "lot_2", 2, {
      grade: "offspec",
      recordedAt: instant("2026-07-21T00:00:00.000Z"),
    });
    await succeed(allocateHarvests(world.deps)(SYSTEM, { planId: closed.id }));
    planIdOf = closed.id;
  });

  it("says the settlement is pending until the harvest is complete, then what is owed", async () => {
    const producer = { id: "producer_fig-farm", role: "producer" as const };
    const before = await succeed(getAllocations(world.deps)(producer, { planId: planIdOf }));
    expect(before.items.map((v) => [v.settled, v.refundYen, v.compensation.kind])).toEqual([
      [false, 0, "none"],
      [false, 0, "none"],
    ]);
    const plan = await succeed(world.deps.plans.get(planIdOf));
    if (plan._tag === "None") throw new Error("no plan");
    await world.completeHarvest(plan.value);
    const after = await succeed(getAllocations(world.deps)(producer, { planId: planIdOf }));
    expect(after.items.map((v) => [v.settled, v.refundYen])).toEqual([
      [true, 3 * 1250],
      [true, 2 * 1250],
    ]);
  });

  it("shows the producer every ownership, in pages", async () => {
    const plan = await succeed(world.deps.plans.get(planIdOf));
    if (plan._tag === "None") throw new Error("no plan");
    await world.completeHarvest(plan.value);
    const producer = { id: "producer_fig-farm", role: "producer" as const };
    const { items, pages } = await collectPages(
      (page) => getAllocations(world.deps)(producer, { planId: planIdOf, page }),
      1,
    );
    expect(pages).toBe(2);
    expect(items.map((v) => [v.ownerId, v.shares, v.entitledUnits])).toEqual([
      ["alice", 3, 12],
      ["bob", 2, 8],
    ]);
    expect(items.reduce((sum, v) => sum + v.allocatedUnits, 0)).toBe(17);
    for (const v of items) {
      expect(v.allocatedUnits).toBe(v.standardUnits + v.offspecUnits);
      expect(v.refundYen).toBe(v.missingUnits * 1250);
    }
  });

  it("shows an owner only its own ownership", async () => {
    const page = await succeed(
      getAllocations(world.deps)(world.owner("bob"), { planId: planIdOf }),
    );
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      ownerId: "bob",
      shares: 2,
      entitledUnits: 8,
      standardUnits: 6,
      missingUnits: 2,
    });
    expect(page.items[0]?.statement.length).toBeGreaterThan(2);
    expect(page.nextCursor).toBeUndefined();
  });

  it("reads the statement in the reader's language, English when none is asked", async () => {
    const read = async (language?: "ja" | "en") =>
      (
        await succeed(
          getAllocations(world.deps)(world.owner("bob"), {
            planId: planIdOf,
            ...(language === undefined ? {} : { language }),
          }),
        )
      ).items[0]?.statement ?? [];
    const [ja, en, unasked] = [await read("ja"), await read("en"), await read()];
    expect(ja[0]).toMatch(/^これまでの収穫は計画の\d+%です。/);
    expect(en[0]).toMatch(/^Harvest so far is \d+% of plan/);
    expect(unasked).toEqual(en);
    expect(ja).toHaveLength(en.length);
  });

  it("shows a stranger owner nothing", async () => {
    expect(
      (await succeed(getAllocations(world.deps)(world.owner("mallory"), { planId: planIdOf })))
        .items,
    ).toEqual([]);
  });

  it("refuses another producer and an unknown plan", async () => {
    const other = { id: "producer_other", role: "producer" as const };
    expect((await failWith(getAllocations(world.deps)(other, { planId: planIdOf })))._tag).toBe(
      "AUTH.FORBIDDEN",
    );
    expect(
      (await failWith(getAllocations(world.deps)(world.owner("bob"), { planId: planId("plan_x") })))
        ._tag,
    ).toBe("PLAN.NOT_FOUND");
  });
});
