import type { Plan } from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, it } from "vitest";
import { allPages } from "../all-pages.ts";
import { shipmentWork } from "../batch/plan-jobs.ts";
import { succeed } from "../testing/contracts/expect-task.ts";
import { type HarvestWorld, makeHarvestWorld, SYSTEM } from "../testing/harvest-world.ts";
import { yamatoSlip } from "../testing/tracking-numbers.ts";
import { advancePlan } from "./parcels/advance-plan.ts";
import { confirmDelivery } from "./parcels/confirm-delivery.ts";
import { markParcelShippedUseCase } from "./parcels/mark-parcel-shipped.ts";
import { scheduleShipments } from "./schedule-shipments.ts";

const yamato = yamatoSlip;

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

const messages = async (world: HarvestWorld, owner: string, kind: string) =>
  (await succeed(allPages((page) => world.deps.outbox.listByRecipient(owner, page)))).filter(
    (m) => m.kind === kind,
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
  it("are asked for, keep the plan from completing, and ship once the owner adds an address", async () => {
    const { world, plan } = await setUp();
    expect((await shipmentOf(world, plan, "bob"))?.unshipped).toEqual({
      units: 4,
      reason: "no-address",
    });
    const asks = await messages(world, "bob", "shipping-address-needed");
    expect(asks.map((m) => m.params?.lastShipDay)).toEqual(["2026-08-10"]);

    // Alice's parcel arrives: the plan is not done, Bob's units may still ship.
    await deliverAll(world, plan);
    expect(await status(world, plan)).toBe("allocated");
    const work = shipmentWork(world.deps, SYSTEM);
    expect(await succeed(work.hasWork(plan, O.none))).toBe(true);

    // Bob adds an address on 08-05; the next shipping run schedules his units from that day.
    world.clock.set("2026-08-05T01:00:00.000Z");
    await world.giveAddress("bob", "kanto");
    const report = await succeed(scheduleShipments(world.deps)(SYSTEM, { planId: plan.id }));
    expect(report.lots).toEqual([]);
    expect(report.rescheduled).toEqual([
      { lotId: "lot_1", shipments: 1, parcels: 1, boxes: 1, unshippedUnits: {} },
    ]);
    const bob = await shipmentOf(world, plan, "bob");
    expect(bob?.unshipped).toBeUndefined();
    expect(bob?.units).toBe(4);
    expect(bob?.address).toBeDefined();
    expect(bob?.parcels.map((p) => p.units)).toEqual([4]);
    expect(bob?.parcels.every((p) => p.shipOn >= "2026-08-05" && p.arriveBy <= "2026-08-10")).toBe(
      true,
    );
    expect(await messages(world, "bob", "shipment-scheduled")).toHaveLength(1);

    // Idempotent: a second run finds nothing to do and writes nothing.
    const before = await succeed(world.deps.parcels.counts(plan.id));
    const again = await succeed(scheduleShipments(world.deps)(SYSTEM, { planId: plan.id }));
    expect(again).toEqual({ planId: plan.id, lots: [], rescheduled: [], messagesEnqueued: 0 });
    expect(await succeed(world.deps.parcels.counts(plan.id))).toEqual(before);
    expect(await succeed(work.hasWork(plan, O.none))).toBe(false);
    expect(await messages(world, "bob", "shipment-scheduled")).toHaveLength(1);

    // Bob's parcel arrives: now the plan completes.
    expect(before.total).toBe(2);
    await deliverAll(world, plan);
    expect(await status(world, plan)).toBe("completed");
  });

  it("fit rescheduled parcels in what the lot's own parcels left of each day, and book it", async () => {
    const world = makeHarvestWorld();
    await world.giveAddress("alice", "kanto");
    const plan = await world.scheduledPlan(
      "plan_tight",
      [
        ["alice", 2],
        ["bob", 1],
      ],
      [["lot_1", 40]],
      { shipCapacityPerDay: 1 },
    );
    await world.giveAddress("bob", "kanto");
    await succeed(scheduleShipments(world.deps)(SYSTEM, { planId: plan.id }));
    const shipments = await succeed(
      allPages((page) => world.deps.shipments.listByPlan(plan.id, page)),
    );
    const days = shipments.flatMap((s) => s.parcels.map((p) => p.shipOn));
    expect(days).toHaveLength(new Set(days).size);
    expect(
      await succeed(world.deps.shipments.capacityUsed(plan.producerId, "other" as never)),
    ).toEqual(Object.fromEntries(days.sort().map((d) => [d, 1])));
  });

  it("keep the plan from completing once they can no longer ship", async () => {
    const { world, plan } = await setUp();
    await deliverAll(world, plan);
    // Past the lot's best-before: nothing can ship any more, the plan's parcels are all known.
    world.clock.set("2026-08-11T01:00:00.000Z");
    await world.giveAddress("bob", "kanto");
    expect(await succeed(shipmentWork(world.deps, SYSTEM).hasWork(plan, O.none))).toBe(false);
    expect(await status(world, plan)).toBe("shipped");
    expect(await status(world, plan)).toBe("shipped");
    expect((await shipmentOf(world, plan, "bob"))?.unshipped?.units).toBe(4);
  });
});
