import { allocateHarvests } from "@owners/app";
import { collectPages, makeHarvestWorld, SYSTEM, succeed } from "@owners/app/testing";
import { instant, ledgerBalance, type RiskTerms, settleShortfall } from "@owners/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeDynamoAllocationRepository } from "./allocation-repository.ts";
import { makeDynamoHarvestRepository } from "./harvest-repository.ts";
import { makeDynamoOutbox } from "./outbox.ts";
import { makeDynamoReservationStores } from "./reservation-stores.ts";
import { createTestTable } from "./testing/dynamo-test-table.ts";
import { refuseScans } from "./testing/refuse-scans.ts";

/**
 * The settle-once property on DynamoDB Local (a shorter run than the in-memory one): lots
 * allocated as they come, the harvest declared complete, and then what the ledger, the processor
 * and the credit balances hold is exactly what the final allocation owes.
 */
describe("a shortfall settled once, on DynamoDB", () => {
  it("pays exactly what the final allocation owes, for any sequence of lots", async () => {
    const scenario = fc.record({
      riskTerms: fc.constantFrom<RiskTerms>("refund", "credit"),
      unitsPerShare: fc.integer({ min: 1, max: 12 }),
      priceYen: fc.oneof(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 2_000_000_000 }),
      ),
      owners: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }),
      lots: fc.array(
        fc.record({ quantity: fc.integer({ min: 1, max: 20 }), runAfter: fc.boolean() }),
        { minLength: 1, maxLength: 5 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const table = await createTestTable({ configure: refuseScans });
        try {
          const world = makeHarvestWorld({
            reservation: makeDynamoReservationStores(table),
            harvests: makeDynamoHarvestRepository(table),
            allocations: makeDynamoAllocationRepository(table),
            outbox: makeDynamoOutbox(table),
          });
          const totalShares = s.owners.reduce((a, b) => a + b, 0);
          const open = await world.openPlan("plan_db", {
            riskTerms: s.riskTerms,
            unitsPerShare: s.unitsPerShare,
            totalShares,
            maxSharesPerOwner: Math.min(3, totalShares),
            pricing: { basePriceYen: s.priceYen, tiers: [], shippingSurchargeYen: { kanto: 0 } },
          });
          for (const [i, shares] of s.owners.entries())
            await world.reserve(open, `o${i}`, shares, i);
          const plan = await world.closePlan(open.id);
          for (const [i, lot] of s.lots.entries()) {
            await world.addLot(plan, `lot_${i}`, lot.quantity, {
              recordedAt: instant(`2026-07-20T00:0${i}:00.000Z`),
            });
            if (lot.runAfter)
              expect(
                (await succeed(allocateHarvests(world.deps)(SYSTEM, { planId: plan.id })))
                  .compensationsWritten,
              ).toBe(0);
          }
          expect(await world.completeHarvest(plan)).toMatchObject({ refundFailures: 0 });
          const { items: summaries } = await collectPages(
            (page) => world.deps.allocations.listSummaries(plan.id, page),
            100,
          );
          const { items: ownerships } = await collectPages(
            (page) => world.deps.ownerships.listByPlan(plan.id, page),
            100,
          );
          const owed = settleShortfall(
            s.riskTerms,
            ownerships.map((o) => ({
              ownershipId: o.id,
              shares: o.shares,
              entitledUnits: o.shares * s.unitsPerShare,
              receivedStandardUnits:
                summaries.find((x) => x.ownershipId === o.id)?.standardUnits ?? 0,
              paidForSharesYen: o.quote.sharesYen,
            })),
          );
          if (owed._tag === "Left") throw new Error(owed.left.message);
          for (const line of owed.right) {
            const summary = summaries.find((x) => x.ownershipId === line.ownershipId);
            expect((summary?.refundYen ?? 0) + (summary?.creditYen ?? 0)).toBe(
              line.compensation.amountYen,
            );
          }
          const balance = ledgerBalance(await succeed(world.deps.ledger.listByPlan(plan.id)));
          expect(balance.isBalanced).toBe(true);
          expect((await succeed(world.payments.planTotals(plan.id))).refundedYen).toBe(
            balance.refundsYen,
          );
          let credited = 0;
          for (const o of ownerships)
            credited += await succeed(
              world.deps.creditBalances.balance(o.ownerId, plan.producerId),
            );
          expect(credited).toBe(balance.creditsYen);
        } finally {
          await table.drop();
        }
      }),
      { numRuns: 8 },
    );
  }, 300_000);
});
