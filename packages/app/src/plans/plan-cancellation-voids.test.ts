import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../actor.ts";
import { getAllocations } from "../harvest/get-allocations.ts";
import { DEFAULT_RESERVATION_CONFIG } from "../reservations/reservation-deps.ts";
import { listShipments } from "../shipping/list-shipments.ts";
import { shipmentsCsv } from "../shipping/shipments-csv.ts";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { type HarvestWorld, makeHarvestWorld } from "../testing/harvest-world.ts";
import { cancelPlan } from "./cancel-plan.ts";
import { refundCancelledPlan } from "./refund-cancelled-plan.ts";

/**
 * A plan cancelled after its harvest was allocated and its parcels scheduled: every owner is
 * refunded in full, so the allocation is no longer owed and nothing may ship.
 */
describe("a plan cancelled after allocation", () => {
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
      ],
      [["lot_1", 12]],
    );
    // Before the cancellation there is something to void.
    const before = await succeed(
      listShipments(world.deps)(world.producerOf(plan), { planId: plan.id }),
    );
    expect(before.items.length).toBeGreaterThan(0);
    const allocated = await succeed(
      getAllocations(world.deps)(world.owner("alice"), { planId: plan.id }),
    );
    expect(allocated.items[0]?.allocatedUnits).toBeGreaterThan(0);
    const cancelled = await succeed(
      cancelPlan({ ...world.deps, config: DEFAULT_RESERVATION_CONFIG })(world.producerOf(plan), {
        planId: plan.id,
        reason: "The harvest failed.",
      }),
    );
    expect(cancelled.plan.status).toBe("cancelled");
    const refunds = await succeed(
      refundCancelledPlan({ ...world.deps, config: DEFAULT_RESERVATION_CONFIG })(
        SYSTEM_ACTOR,
        plan.id,
      ),
    );
    expect(refunds.released).toBe(2);
  });

  it("shows no allocation to its producer or its owners", async () => {
    for (const actor of [world.producerOf(plan), world.owner("alice"), world.owner("bob")]) {
      const page = await succeed(getAllocations(world.deps)(actor, { planId: plan.id }));
      expect(page.items).toEqual([]);
    }
  });

  it("lists no shipments and refuses the label file", async () => {
    for (const actor of [world.producerOf(plan), world.owner("alice")]) {
      const page = await succeed(listShipments(world.deps)(actor, { planId: plan.id }));
      expect(page.items).toEqual([]);
    }
    const refused = await failWith(
      shipmentsCsv(world.deps)(world.producerOf(plan), { planId: plan.id }),
    );
    expect(refused._tag).toBe("PLAN.WRONG_STATUS");
  });

  it("still refuses strangers rather than showing them an empty list", async () => {
    const other = { id: "producer_other", role: "producer" as const };
    expect((await failWith(getAllocations(world.deps)(other, { planId: plan.id })))._tag).toBe(
      "AUTH.FORBIDDEN",
    );
    expect((await failWith(listShipments(world.deps)(other, { planId: plan.id })))._tag).toBe(
      "AUTH.FORBIDDEN",
    );
  });
});
