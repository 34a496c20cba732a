import { allocateHarvests, scheduleShipments } from "@owners/app";
import { type HarvestWorld, makeHarvestWorld, SYSTEM, succeed } from "@owners/app/testing";
import { instant, ledgerBalance, type Plan } from "@owners/domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeDynamoAllocationRepository } from "./allocation-repository.ts";
import { makeDynamoCommunicationRepository } from "./communication-repository.ts";
import { makeDynamoExperienceStore } from "./experience-store.ts";
import { makeDynamoHarvestRepository } from "./harvest-repository.ts";
import { makeDynamoOutbox } from "./outbox.ts";
import { makeDynamoOwnerProfileRepository } from "./owner-profile-repository.ts";
import { makeDynamoReservationStores } from "./reservation-stores.ts";
import { makeDynamoShipmentRepository } from "./shipment-repository.ts";
import { createTestTable, type TestTable } from "./testing/dynamo-test-table.ts";
import { refuseScans } from "./testing/refuse-scans.ts";

/** The harvest batches end to end on DynamoDB Local: every storing port is a DynamoDB adapter. */
describe("allocation and shipping batches on DynamoDB", () => {
  let table: TestTable;
  let world: HarvestWorld;
  beforeEach(async () => {
    table = await createTestTable({ configure: refuseScans });
    world = makeHarvestWorld({
      reservation: makeDynamoReservationStores(table),
      harvests: makeDynamoHarvestRepository(table),
      allocations: makeDynamoAllocationRepository(table),
      shipments: makeDynamoShipmentRepository(table),
      experiences: makeDynamoExperienceStore(table),
      communication: makeDynamoCommunicationRepository(table),
      outbox: makeDynamoOutbox(table),
      profiles: makeDynamoOwnerProfileRepository(table),
    });
  });
  afterEach(() => table.drop());

  const setUp = async (): Promise<Plan> => {
    const owners = Array.from(
      { length: 30 },
      (_, i) => [`owner${String(i).padStart(2, "0")}`, (i % 3) + 1] as const,
    );
    for (const [owner] of owners.filter((_, i) => i % 5 !== 0))
      await world.giveAddress(owner, i2region(owner));
    return world.allocatedPlan(
      "plan_figs",
      owners,
      [
        ["lot_1", 120, { recordedAt: instant("2026-07-20T00:00:00.000Z") }],
        ["lot_2", 60, { recordedAt: instant("2026-07-21T00:00:00.000Z") }],
        ["lot_3", 14, { grade: "offspec", recordedAt: instant("2026-07-22T00:00:00.000Z") }],
      ],
      { totalShares: 80, maxSharesPerOwner: 3, shipCapacityPerDay: 12 },
    );
  };

  it("allocates, settles and schedules a plan, and a re-run changes nothing", async () => {
    const plan = await setUp();
    const ledger = await succeed(world.deps.ledger.listByPlan(plan.id));
    expect(ledgerBalance(ledger).isBalanced).toBe(true);
    expect(ledgerBalance(ledger).refundsYen).toBeGreaterThan(0);
    expect(plan.status).toBe("allocated");

    const again = await succeed(allocateHarvests(world.deps)(SYSTEM, { planId: plan.id }));
    expect(again).toMatchObject({
      lotsAllocated: [],
      compensationsWritten: 0,
      summariesWritten: 0,
      messagesEnqueued: 0,
    });
    expect(await succeed(world.deps.ledger.listByPlan(plan.id))).toEqual(ledger);

    const schedule = await succeed(scheduleShipments(world.deps)(SYSTEM, { planId: plan.id }));
    expect(schedule.lots.map((l) => l.lotId)).toEqual(["lot_1", "lot_2", "lot_3"]);
    const rerun = await succeed(scheduleShipments(world.deps)(SYSTEM, { planId: plan.id }));
    expect(rerun.lots).toEqual([]);
    const perDay = new Map<string, number>();
    const first = await succeed(world.deps.shipments.listByPlan(plan.id, { limit: 100 }));
    for (const s of first.items)
      for (const p of s.parcels) perDay.set(p.shipOn, (perDay.get(p.shipOn) ?? 0) + p.boxes);
    expect([...perDay.values()].every((boxes) => boxes <= 12)).toBe(true);
  });
});

const REGIONS = ["kanto", "kinki", "tohoku", "kyushu"];
const i2region = (owner: string) => REGIONS[Number(owner.slice(-2)) % REGIONS.length] as string;
