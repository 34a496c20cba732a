import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import {
  makeDynamoAllocationRepository,
  makeDynamoHarvestRepository,
  makeDynamoOutbox,
  makeDynamoOwnerProfileRepository,
  makeDynamoReservationStores,
  makeDynamoShipmentRepository,
} from "@owners/adapter-dynamodb";
import { type BatchPorts, makeCursorCodec } from "@owners/app";
import { type HarvestWorld, makeHarvestWorld } from "@owners/app/testing";
import { instant, type Plan } from "@owners/domain";

/**
 * `plans` closed and harvested plans of five owners each on the table (one lot each, short, so
 * refunds are owed), and the ports a batch composition should share with this world: its clock,
 * its card processor (which knows the charges) and its notifier.
 */
export const seedHarvest = async (
  doc: DynamoDBDocumentClient,
  tableName: string,
  plans: number,
  /**
   * "credit" settles shortfalls without the card processor: for a batch run in another process,
   * whose in-memory processor never saw this world's payments.
   */
  riskTerms: "refund" | "credit" = "refund",
): Promise<{ world: HarvestWorld; plans: Plan[]; shared: Partial<BatchPorts> }> => {
  const ctx = { doc, tableName, cursors: makeCursorCodec("seed-cursor-secret") };
  const world = makeHarvestWorld({
    reservation: makeDynamoReservationStores(ctx),
    harvests: makeDynamoHarvestRepository(ctx),
    allocations: makeDynamoAllocationRepository(ctx),
    shipments: makeDynamoShipmentRepository(ctx),
    outbox: makeDynamoOutbox(ctx),
    profiles: makeDynamoOwnerProfileRepository(ctx),
  });
  const seeded: Plan[] = [];
  for (let p = 0; p < plans; p++) {
    const plan = await world.openPlan(`plan_${p}`, {
      totalShares: 15,
      maxSharesPerOwner: 3,
      riskTerms,
    });
    for (let i = 0; i < 5; i++) await world.reserve(plan, `owner_${p}${i}`, (i % 3) + 1, i);
    const closed = await world.closePlan(plan.id);
    await world.addLot(closed, `lot_${p}`, 30, {
      recordedAt: instant("2026-07-20T00:00:00.000Z"),
    });
    seeded.push(closed);
  }
  return {
    world,
    plans: seeded,
    shared: {
      clock: world.clock,
      payments: world.payments,
      charges: world.deps.charges,
      notifier: world.deps.notifier,
    },
  };
};
