import { instant } from "@owners/domain";
import { describe, expect, it } from "vitest";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { makeHarvestWorld, SYSTEM } from "../testing/harvest-world.ts";
import { allocateHarvests } from "./allocate-harvests.ts";
import { listHarvestLots } from "./list-harvest-lots.ts";

const OWNER = { id: "alice", role: "owner" as const };

describe("listHarvestLots", () => {
  it("lists a plan's lots in lot order, marked allocated once the batch has divided them", async () => {
    const world = makeHarvestWorld();
    const plan = await world.openPlan("plan_figs");
    await world.reserve(plan, "alice", 3, 0);
    const closed = await world.closePlan(plan.id);
    await world.addLot(closed, "lot_2", 4, { recordedAt: instant("2026-07-21T00:00:00.000Z") });
    await world.addLot(closed, "lot_1", 9, { recordedAt: instant("2026-07-20T00:00:00.000Z") });
    const lots = () => succeed(listHarvestLots(world.deps)(OWNER, { planId: closed.id }));
    expect((await lots()).map((l) => [l.id, l.quantity, l.allocated])).toEqual([
      ["lot_1", 9, false],
      ["lot_2", 4, false],
    ]);
    await succeed(allocateHarvests(world.deps)(SYSTEM, { planId: closed.id }));
    expect((await lots()).map((l) => l.allocated)).toEqual([true, true]);
  });

  it("answers PLAN.NOT_FOUND for a plan the caller may not see (a draft, an unknown id)", async () => {
    const world = makeHarvestWorld();
    expect((await failWith(listHarvestLots(world.deps)(OWNER, { planId: "plan_nope" })))._tag).toBe(
      "PLAN.NOT_FOUND",
    );
  });
});
