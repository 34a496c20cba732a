import type { Plan } from "@owners/domain";
import { describe, expect, it } from "vitest";
import { allPages } from "../all-pages.ts";
import { succeed } from "../testing/contracts/expect-task.ts";
import { type HarvestWorld, makeHarvestWorld, SYSTEM } from "../testing/harvest-world.ts";
import { advancePlan } from "./parcels/advance-plan.ts";
import { confirmDelivery } from "./parcels/confirm-delivery.ts";
import { markParcelShippedUseCase } from "./parcels/mark-parcel-shipped.ts";

/** A Yamato slip number: 11 digits and their check digit (modulo 7). */
const yamato = (n: number) => {
  const body = String(10_000_000_000 + n);
  return `${body}${BigInt(body) % 7n}`;
};

/**
 * Alice has an address, Bob has none when the lot (ready 08-01, best before 08-10, window to
 * 08-31) is scheduled on 07-25: Bob's 4 units are left unshipped ("no-address").
 */
const setUp = async () => {
  const world = makeHarvestWorld();
  await world.giveAddress("alice", "kanto");
  const plan = await world.scheduledPlan(
    "plan_noaddr",
    [
      ["alice", 2],
      ["bob", 1],
    ],
    [["lot_1", 40]],
  );
  return { world, plan };
};

const shipmentOf = async (world: HarvestWorld, plan: Plan, owner: string) =>
  (await succeed(allPages((page) => world.deps.shipments.listByPlan(plan.id, page)))).find(
    (s) => s.ownerId === owner,
  );

const status = async (world: HarvestWorld, plan: Plan) =>
  (await succeed(advancePlan(world.deps)(SYSTEM, plan.id))).status;

/** Ships then confirms every parcel of the plan registered so far that has not left yet. */
const deliverAll = async (world: HarvestWorld, plan: Plan) => {
  const producer = world.producerOf(plan);
  const parcels = await succeed(allPages((page) => world.deps.parcels.listByPlan(plan.id, page)));
  for (const [i, p] of parcels.entries()) {
    if (p.progress.state !== "scheduled") continue;
    await succeed(
      markParcelShippedUseCase(world.deps)(producer, {
        planId: plan.id,
        parcelId: p.id,
        carrier: "yamato",
        trackingNumber: yamato(i),
      }),
    );
    await succeed(
      confirmDelivery(world.deps)(world.owner(p.ownerId), { planId: plan.id, parcelId: p.id }),
    );
  }
};

describe("units left unshipped for want of an address", () => {
  it("hold the plan in allocated while they may still ship", async () => {
    const { world, plan } = await setUp();
    await deliverAll(world, plan);
    expect(await status(world, plan)).toBe("allocated");
  });

  it("keep the plan from completing once they can no longer ship", async () => {
    const { world, plan } = await setUp();
    await deliverAll(world, plan);
    // Past the lot's best-before: nothing can ship any more, the plan's parcels are all known.
    world.clock.set("2026-08-11T01:00:00.000Z");
    await world.giveAddress("bob", "kanto");
    expect(await status(world, plan)).toBe("shipped");
    expect(await status(world, plan)).toBe("shipped");
    expect((await shipmentOf(world, plan, "bob"))?.unshipped?.units).toBe(4);
  });
});
