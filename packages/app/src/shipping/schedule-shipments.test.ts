import {
  addDays,
  DEFAULT_TRANSIT_DAYS_JAPAN,
  type LocalDate,
  type Plan,
  planId,
} from "@owners/domain";
import { describe, expect, it } from "vitest";
import { allPages } from "../all-pages.ts";
import type { LotShipment } from "../ports/shipment-repository.ts";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { failAfter } from "../testing/fail-after.ts";
import { type HarvestWorld, makeHarvestWorld, SYSTEM } from "../testing/harvest-world.ts";
import { type ScheduleShipmentsDeps, scheduleShipments } from "./schedule-shipments.ts";

const OWNERS = [
  ["alice", 3],
  ["bob", 2],
  ["carol", 3],
  ["dave", 1],
] as const;

/** Alice in Kanto, Bob in Kyushu, Carol in Hokkaido; Dave never gave an address. */
const setUp = async (world: HarvestWorld) => {
  await world.giveAddress("alice", "kanto");
  await world.giveAddress("bob", "kyushu");
  await world.giveAddress("carol", "hokkaido");
  return world.allocatedPlan("plan_figs", OWNERS, [
    ["lot_1", 20],
    ["lot_2", 10, { readyOn: "2026-08-05", bestBefore: "2026-08-12" }],
  ]);
};

const shipmentsOf = (world: HarvestWorld, plan: Plan) =>
  succeed(allPages((page) => world.deps.shipments.listByPlan(plan.id, page)));

const boxesPerDay = (shipments: readonly LotShipment[]) => {
  const perDay = new Map<string, number>();
  for (const s of shipments)
    for (const p of s.parcels) perDay.set(p.shipOn, (perDay.get(p.shipOn) ?? 0) + p.boxes);
  return perDay;
};

describe("scheduleShipments", () => {
  it("ships every owner's units inside the window, before best-before, with the owner's address", async () => {
    const world = makeHarvestWorld();
    const plan = await setUp(world);
    const report = await succeed(scheduleShipments(world.deps)(SYSTEM, { planId: plan.id }));
    const shipments = await shipmentsOf(world, plan);
    const lots = await succeed(world.deps.harvests.listByPlan(plan.id));

    expect(report.lots.map((l) => l.lotId)).toEqual(["lot_1", "lot_2"]);
    expect(shipments).toHaveLength(8);
    for (const s of shipments) {
      const shipped = s.parcels.reduce((sum, p) => sum + p.units, 0);
      expect(shipped + (s.unshipped?.units ?? 0)).toBe(s.units);
      const lot = lots.find((l) => l.id === s.lotId);
      for (const p of s.parcels) {
        expect(p.shipOn >= (lot?.readyOn as LocalDate) && p.shipOn <= plan.deliveryWindow.to).toBe(
          true,
        );
        expect(p.arriveBy).toBe(addDays(p.shipOn, DEFAULT_TRANSIT_DAYS_JAPAN[s.region] as number));
        expect(p.arriveBy <= (lot?.bestBefore as LocalDate)).toBe(true);
        expect(p.boxes).toBe(Math.ceil(p.units / 4));
      }
    }
    for (const boxes of boxesPerDay(shipments).values())
      expect(boxes).toBeLessThanOrEqual(plan.shipCapacityPerDay);

    const alice = shipments.find((s) => s.ownerId === "alice");
    const aliceProfile = await succeed(world.deps.profiles.get("alice" as never));
    expect(aliceProfile._tag === "Some" && alice?.address).toEqual(
      aliceProfile._tag === "Some" && aliceProfile.value.address,
    );
    const dave = shipments.filter((s) => s.ownerId === "dave");
    expect(dave.every((s) => s.parcels.length === 0 && s.unshipped?.reason === "no-address")).toBe(
      true,
    );
    const daveUnits = dave.reduce((sum, s) => sum + s.units, 0);
    expect(report.lots.reduce((sum, l) => sum + (l.unshippedUnits["no-address"] ?? 0), 0)).toBe(
      daveUnits,
    );

    const messages = (await succeed(world.deps.outbox.listPending(100))).filter(
      (m) => m.kind === "shipment-scheduled",
    );
    expect(messages).toHaveLength(shipments.filter((s) => s.parcels.length > 0).length);
    // Dave's units cannot ship (no address): the producer is told once per lot, too.
    const flags = (await succeed(world.deps.outbox.listPending(100))).filter(
      (m) => m.kind === "shipping-infeasible",
    );
    expect(flags.map((m) => m.recipientId)).toEqual(report.lots.map(() => plan.producerId));
    expect(flags[0]?.body).toContain("no-address");
    // ...and Dave is asked for an address, once for the plan (with the first lot's units).
    const asks = (await succeed(world.deps.outbox.listPending(100))).filter(
      (m) => m.kind === "shipping-address-needed",
    );
    expect(asks.map((m) => [m.recipientId, m.params?.units])).toEqual([
      ["dave", dave[0]?.unshipped?.units],
    ]);
    expect(report.messagesEnqueued).toBe(messages.length + flags.length + asks.length);
  });

  it("keeps the address the shipment was scheduled with when the owner moves later", async () => {
    const world = makeHarvestWorld();
    const plan = await setUp(world);
    await succeed(scheduleShipments(world.deps)(SYSTEM, { planId: plan.id }));
    const before = (await shipmentsOf(world, plan)).filter((s) => s.ownerId === "alice");
    const profile = await succeed(world.deps.profiles.get("alice" as never));
    if (profile._tag === "None" || profile.value.address === undefined)
      throw new Error("no profile");
    const address = profile.value.address;
    await succeed(
      world.deps.profiles.save({ ...profile.value, address: { ...address, city: "横浜市" } }, 1),
    );
    const after = (await shipmentsOf(world, plan)).filter((s) => s.ownerId === "alice");
    expect(after).toEqual(before);
    expect(after[0]?.address?.city).toBe(address.city);
  });

  it("reports the units capacity cannot ship, earlier reservations first, never dropping any", async () => {
    const world = makeHarvestWorld();
    await world.giveAddress("alice");
    await world.giveAddress("bob");
    // One box a day and two ship days before best-before (Kanto: one day in transit).
    const plan = await world.allocatedPlan(
      "plan_tight",
      [
        ["alice", 3],
        ["bob", 2],
      ],
      [["lot_1", 20, { readyOn: "2026-08-01", bestBefore: "2026-08-03" }]],
      { shipCapacityPerDay: 1, totalShares: 5 },
    );
    const report = await succeed(
      scheduleShipments(world.deps)(world.producerOf(plan), { planId: plan.id }),
    );
    expect(report.lots[0]?.unshippedUnits).toEqual({ capacity: 12 });
    const [flag] = (await succeed(world.deps.outbox.listPending(100))).filter(
      (m) => m.kind === "shipping-infeasible",
    );
    expect(flag).toMatchObject({
      recipientId: plan.producerId,
      subject: expect.stringContaining("2 shipment(s)"),
      body: expect.stringContaining("capacity"),
    });
    const infeasible = await succeed(
      allPages((page) => world.deps.shipments.listInfeasible(plan.id, page)),
    );
    expect(
      infeasible
        .map((s) => [s.ownerId, s.parcels.map((p) => [p.shipOn, p.boxes, p.units]), s.unshipped])
        .sort(),
    ).toEqual([
      [
        "alice",
        [
          ["2026-08-01", 1, 4],
          ["2026-08-02", 1, 4],
        ],
        { units: 4, reason: "capacity" },
      ],
      ["bob", [], { units: 8, reason: "capacity" }],
    ]);
  });

  it("shares the producer's daily capacity between its plans", async () => {
    const world = makeHarvestWorld();
    for (const owner of ["a1", "a2", "b1", "b2"]) await world.giveAddress(owner);
    const terms = {
      shipCapacityPerDay: 2,
      deliveryWindow: { from: "2026-08-01", to: "2026-08-03" },
    };
    const lot = { readyOn: "2026-08-01", bestBefore: "2026-08-09" };
    const planA = await world.allocatedPlan(
      "plan_a",
      [
        ["a1", 3],
        ["a2", 3],
      ],
      [["lot_a", 24, lot]],
      terms,
    );
    const planB = await world.allocatedPlan(
      "plan_b",
      [
        ["b1", 3],
        ["b2", 3],
      ],
      [["lot_b", 24, lot]],
      terms,
    );
    await succeed(scheduleShipments(world.deps)(SYSTEM, { planId: planA.id }));
    await succeed(scheduleShipments(world.deps)(SYSTEM, { planId: planB.id }));
    const all = [...(await shipmentsOf(world, planA)), ...(await shipmentsOf(world, planB))];
    const perDay = boxesPerDay(all);
    expect([...perDay.values()].every((boxes) => boxes <= 2)).toBe(true);
    // Six boxes of capacity over three days: plan A took them all, plan B reports the rest.
    expect([...perDay.values()].reduce((sum, b) => sum + b, 0)).toBe(6);
    expect(
      all.filter((s) => s.planId === "plan_b").every((s) => s.unshipped?.reason === "capacity"),
    ).toBe(true);
  });

  it("schedules nothing twice: a re-run writes no shipment and sends no message", async () => {
    const world = makeHarvestWorld();
    const plan = await setUp(world);
    await succeed(scheduleShipments(world.deps)(SYSTEM, { planId: plan.id }));
    const first = await shipmentsOf(world, plan);
    const pending = await succeed(world.deps.outbox.listPending(100));
    const again = await succeed(scheduleShipments(world.deps)(SYSTEM, { planId: plan.id }));
    expect(again).toEqual({ planId: plan.id, lots: [], rescheduled: [], messagesEnqueued: 0 });
    expect(await shipmentsOf(world, plan)).toEqual(first);
    expect(await succeed(world.deps.outbox.listPending(100))).toEqual(pending);
  });

  const crashes: readonly [string, (deps: ScheduleShipmentsDeps) => ScheduleShipmentsDeps][] = [
    [
      "after the second lot's capacity was booked",
      (d) => ({
        ...d,
        shipments: failAfter(d.shipments, "putLotCapacity", 1, { afterWriting: true }),
      }),
    ],
    [
      "after the second lot's shipments were written",
      (d) => ({
        ...d,
        shipments: failAfter(d.shipments, "putShipments", 1, { afterWriting: true }),
      }),
    ],
    [
      "before a lot was marked scheduled",
      (d) => ({ ...d, shipments: failAfter(d.shipments, "markLotScheduled", 1) }),
    ],
    [
      "while enqueueing messages",
      (d) => ({ ...d, outbox: failAfter(d.outbox, "enqueue", 0, { afterWriting: true }) }),
    ],
  ];
  for (const [when, crash] of crashes)
    it(`ends in the clean run's state after a crash ${when}`, async () => {
      const clean = makeHarvestWorld();
      const cleanPlan = await setUp(clean);
      await succeed(scheduleShipments(clean.deps)(SYSTEM, { planId: cleanPlan.id }));

      const world = makeHarvestWorld();
      const plan = await setUp(world);
      expect(
        (await failWith(scheduleShipments(crash(world.deps))(SYSTEM, { planId: plan.id })))._tag,
      ).toBe("STORE.UNAVAILABLE");
      await succeed(scheduleShipments(world.deps)(SYSTEM, { planId: plan.id }));
      expect(await shipmentsOf(world, plan)).toEqual(await shipmentsOf(clean, cleanPlan));
      expect(await succeed(world.deps.outbox.listPending(100))).toEqual(
        await succeed(clean.deps.outbox.listPending(100)),
      );
      expect(
        await succeed(world.deps.shipments.capacityUsed(plan.producerId, "none" as never)),
      ).toEqual(
        await succeed(clean.deps.shipments.capacityUsed(cleanPlan.producerId, "none" as never)),
      );
    });

  describe("refuses", () => {
    it("a plan not allocated yet, an unknown plan, and anyone but its producer or the system", async () => {
      const world = makeHarvestWorld();
      const open = await world.openPlan("plan_open");
      expect(
        (await failWith(scheduleShipments(world.deps)(SYSTEM, { planId: open.id })))._tag,
      ).toBe("PLAN.WRONG_STATUS");
      expect(
        (await failWith(scheduleShipments(world.deps)(SYSTEM, { planId: planId("plan_x") })))._tag,
      ).toBe("PLAN.NOT_FOUND");
      const plan = await setUp(world);
      expect(
        (await failWith(scheduleShipments(world.deps)(world.owner("alice"), { planId: plan.id })))
          ._tag,
      ).toBe("AUTH.FORBIDDEN");
    });

    it("an impossible box size", async () => {
      const world = makeHarvestWorld();
      const plan = await setUp(world);
      expect(
        (await failWith(scheduleShipments(world.deps)(SYSTEM, { planId: plan.id, unitsPerBox: 0 })))
          ._tag,
      ).toBe("SHIPPING.INVALID");
    });
  });
});
