import { planId } from "@owners/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { collectPages, failWith, succeed } from "../testing/contracts/expect-task.ts";
import { type HarvestWorld, makeHarvestWorld, SYSTEM } from "../testing/harvest-world.ts";
import { listShipments } from "./list-shipments.ts";

describe("listShipments", () => {
  let world: HarvestWorld;
  let plan: Awaited<ReturnType<HarvestWorld["allocatedPlan"]>>;
  beforeAll(async () => {
    world = makeHarvestWorld();
    await world.giveAddress("alice");
    await world.giveAddress("bob");
    plan = await world.scheduledPlan(
      "plan_figs",
      [
        ["alice", 3],
        ["bob", 2],
        ["carol", 1],
      ],
      [
        ["lot_1", 12],
        ["lot_2", 12],
      ],
    );
  });

  it("shows the producer every shipment, paged", async () => {
    const { items, pages } = await collectPages(
      (page) => listShipments(world.deps)(world.producerOf(plan), { planId: plan.id, page }),
      4,
    );
    expect(pages).toBe(2);
    expect(items).toHaveLength(6);
  });

  it("shows the producer the infeasible report", async () => {
    const page = await succeed(
      listShipments(world.deps)(world.producerOf(plan), { planId: plan.id, infeasibleOnly: true }),
    );
    expect(page.items.map((s) => [s.ownerId, s.unshipped?.reason])).toEqual([
      ["carol", "no-address"],
      ["carol", "no-address"],
    ]);
  });

  it("shows an owner only its own shipments", async () => {
    const page = await succeed(listShipments(world.deps)(world.owner("bob"), { planId: plan.id }));
    expect(page.items).toHaveLength(2);
    expect(page.items.every((s) => s.ownerId === "bob")).toBe(true);
    const stranger = await succeed(
      listShipments(world.deps)(world.owner("mallory"), { planId: plan.id }),
    );
    expect(stranger.items).toEqual([]);
  });

  it("refuses another producer and an unknown plan", async () => {
    const other = { id: "producer_other", role: "producer" as const };
    expect((await failWith(listShipments(world.deps)(other, { planId: plan.id })))._tag).toBe(
      "AUTH.FORBIDDEN",
    );
    expect(
      (await failWith(listShipments(world.deps)(SYSTEM, { planId: planId("plan_x") })))._tag,
    ).toBe("PLAN.NOT_FOUND");
  });
});
