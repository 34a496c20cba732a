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
import { type HarvestWorld, makeHarvestWorld, succeed } from "@owners/app/testing";
import { instant, type Plan } from "@owners/domain";

/**
 * `plans` closed and harvested plans of five owners each on the table (one lot each, short, so
 * refunds are owed), and the ports a batch composition should share with this world: its clock,
 * its card processor (which knows the charges) and its notifier. With `complete`, each plan's
 * harvest is declared complete (the batch then settles the shortfall); without, the delivery
 * window lies far ahead, so a batch on the real clock only allocates.
 */
export const seedHarvest = async (
  doc: DynamoDBDocumentClient,
  tableName: string,
  plans: number,
  options: {
    readonly complete?: boolean;
    /**
     * "credit" settles shortfalls without the card processor: for a batch run in another process,
     * whose in-memory processor never saw this world's payments.
     */
    readonly riskTerms?: "refund" | "credit";
  } = {},
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
      riskTerms: options.riskTerms ?? "refund",
      ...(options.complete === true
        ? {}
        : { deliveryWindow: { from: "2026-08-01", to: "2099-12-31" } }),
    });
    for (let i = 0; i < 5; i++) await world.reserve(plan, `owner_${p}${i}`, (i % 3) + 1, i);
    const closed = await world.closePlan(plan.id);
    await world.addLot(closed, `lot_${p}`, 30, {
      recordedAt: instant("2026-07-20T00:00:00.000Z"),
    });
    seeded.push(
      options.complete === true
        ? await succeed(
            world.deps.plans.save(
              { ...closed, harvestCompletedAt: world.clock.now() },
              closed.version,
            ),
          )
        : closed,
    );
  }
  return {
    world,
    plans: seeded,
    shared: {
      clock: world.clock,
      payments: world.payments,
      notifier: world.deps.notifier,
    },
  };
};
