import {
  instant,
  type LedgerEntry,
  ledgerBalance,
  type Plan,
  type RiskTerms,
  settleShortfall,
} from "@owners/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allPages } from "../all-pages.ts";
import { succeed } from "../testing/contracts/expect-task.ts";
import { type HarvestWorld, makeHarvestWorld, SYSTEM } from "../testing/harvest-world.ts";
import { allocateHarvests } from "./allocate-harvests.ts";

const summariesOf = (world: HarvestWorld, plan: Plan) =>
  succeed(allPages((page) => world.deps.allocations.listSummaries(plan.id, page)));
const refundedAt = async (world: HarvestWorld, plan: Plan) =>
  (await succeed(world.payments.planTotals(plan.id))).refundedYen;

const lotTime = (i: number) =>
  instant(
    `2026-07-${String(10 + Math.floor(i / 60)).padStart(2, "0")}T00:${String(i % 60).padStart(2, "0")}:00.000Z`,
  );

/** Compensation written to the ledger per ownership: shortfall refunds and credits. */
const compensationInLedger = (entries: readonly LedgerEntry[]) => {
  const byOwnership = new Map<string, number>();
  for (const e of entries)
    if (
      e.ownershipId !== undefined &&
      (e.reason === "shortfall-refund" || e.reason === "shortfall-credit") &&
      (e.kind === "refund" || e.kind === "credit")
    )
      byOwnership.set(e.ownershipId, (byOwnership.get(e.ownershipId) ?? 0) + e.amountYen);
  return byOwnership;
};

describe("a shortfall is settled once, from the final allocation (issue 14)", () => {
  it("refunds nothing lot by lot and exactly the final shortfall once the harvest is complete", async () => {
    // 11 shares of 6 units (66 entitled) at 3,333 yen a share, harvested 1, 2, 3, 4, 3 units.
    const world = makeHarvestWorld();
    const open = await world.openPlan("plan_small", {
      unitsPerShare: 6,
      totalShares: 11,
      maxSharesPerOwner: 3,
      pricing: { basePriceYen: 3333, tiers: [], shippingSurchargeYen: { kanto: 800 } },
    });
    for (const [minute, [owner, shares]] of (
      [
        ["two", 2],
        ["three_a", 3],
        ["three_b", 3],
        ["three_c", 3],
      ] as const
    ).entries())
      await world.reserve(open, owner, shares, minute);
    const plan = await world.closePlan(open.id);

    for (const [i, quantity] of [1, 2, 3, 4, 3].entries()) {
      await world.addLot(plan, `lot_${i + 1}`, quantity, { recordedAt: lotTime(i) });
      const report = await succeed(allocateHarvests(world.deps)(SYSTEM, { planId: plan.id }));
      expect(report).toMatchObject({ harvestFinal: false, compensationsWritten: 0 });
      // Before the harvest is final, nobody is refunded: the lots so far are not the harvest.
      expect(await refundedAt(world, plan)).toBe(0);
      for (const s of await summariesOf(world, plan))
        expect(s).toMatchObject({ settled: false, refundYen: 0, creditYen: 0 });
    }

    const result = await world.completeHarvest(plan);
    expect(result).toMatchObject({ settled: true, refundsPaid: 4, refundFailures: 0 });
    const summaries = await summariesOf(world, plan);
    expect(summaries.reduce((sum, s) => sum + s.standardUnits, 0)).toBe(13);
    const byOwner = new Map(summaries.map((s) => [s.ownerId as string, s]));
    // The 2-share owner got 2 units: 10 of 12 missing, 6,666 x 10 / 12 = 5,555 back, not 6,666.
    expect(byOwner.get("two")).toMatchObject({ standardUnits: 2, refundYen: 5555, settled: true });
    // A 3-share owner with 4 units is owed 9,999 x 14 / 18 = 7,777 (not the 8,888 of lot 2).
    expect(byOwner.get("three_a")).toMatchObject({ standardUnits: 4, refundYen: 7777 });
    expect(byOwner.get("three_b")).toMatchObject({ standardUnits: 4, refundYen: 7777 });
    // 3 units: 15 of 18 missing, 8,332.5 yen: the total is floored, the leftover yen none.
    expect(byOwner.get("three_c")).toMatchObject({ standardUnits: 3 });
    const owed = settleShortfall(
      "refund",
      summaries
        .slice()
        .sort((a, b) => (a.ownershipId < b.ownershipId ? -1 : 1))
        .map((s) => ({
          ownershipId: s.ownershipId,
          shares: s.shares,
          entitledUnits: s.entitledUnits,
          receivedStandardUnits: s.standardUnits,
          paidForSharesYen: (3333 * s.shares) as never,
        })),
    );
    const owedTotal =
      owed._tag === "Right" ? owed.right.reduce((sum, l) => sum + l.compensation.amountYen, 0) : -1;
    expect(summaries.reduce((sum, s) => sum + s.refundYen, 0)).toBe(owedTotal);
    expect(await refundedAt(world, plan)).toBe(owedTotal);

    // Idempotent: declaring it again, or another batch run, pays nothing more.
    expect(await world.completeHarvest(plan)).toMatchObject({
      refundsPaid: 0,
      compensationsWritten: 0,
    });
    await succeed(allocateHarvests(world.deps)(SYSTEM, { planId: plan.id }));
    expect(await refundedAt(world, plan)).toBe(owedTotal);
  });

  /**
   * For any plan and any sequence of lots, allocated as they come (the batch runs after some of
   * them), then declared complete: what the ledger and the processor paid is exactly what the
   * final allocation owes, never more; the money equation holds; units are conserved.
   */
  it("pays exactly what the final allocation owes, for any sequence of lots", async () => {
    const scenario = fc.record({
      riskTerms: fc.constantFrom<RiskTerms>("refund", "credit", "shared"),
      unitsPerShare: fc.integer({ min: 1, max: 50 }),
      priceYen: fc.oneof(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 1_000_000_000, max: 3_000_000_000 }),
      ),
      feeBps: fc.constantFrom(0, 1, 1000, 3333, 10_000),
      owners: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 7 }),
      lots: fc.array(
        fc.record({
          quantity: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 400 })),
          offspec: fc.boolean(),
          // Whether the batch runs right after this lot (lots also come between runs).
          runAfter: fc.boolean(),
          // Lots recorded at the same instant are ordered by id.
          tie: fc.boolean(),
        }),
        { minLength: 1, maxLength: 12 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const world = makeHarvestWorld();
        const totalShares = s.owners.reduce((a, b) => a + b, 0);
        const open = await world.openPlan(
          "plan_prop",
          {
            riskTerms: s.riskTerms,
            unitsPerShare: s.unitsPerShare,
            totalShares,
            maxSharesPerOwner: Math.min(3, totalShares),
            pricing: { basePriceYen: s.priceYen, tiers: [], shippingSurchargeYen: { kanto: 0 } },
          },
          { platformFeeBps: s.feeBps },
        );
        for (const [i, shares] of s.owners.entries()) await world.reserve(open, `o${i}`, shares, i);
        const plan = await world.closePlan(open.id);
        const entitled = totalShares * s.unitsPerShare;
        let time = 0;
        for (const [i, lot] of s.lots.entries()) {
          if (!lot.tie) time += 1;
          await world.addLot(plan, `lot_${String(i).padStart(2, "0")}`, lot.quantity, {
            grade: lot.offspec ? "offspec" : "standard",
            recordedAt: lotTime(time),
          });
          if (lot.runAfter) {
            const report = await succeed(allocateHarvests(world.deps)(SYSTEM, { planId: plan.id }));
            expect(report.compensationsWritten).toBe(0);
            expect(await refundedAt(world, plan)).toBe(0);
          }
        }
        const standard = s.lots.filter((l) => !l.offspec).reduce((a, l) => a + l.quantity, 0);
        const offspec = s.lots.filter((l) => l.offspec).reduce((a, l) => a + l.quantity, 0);
        const done = await world.completeHarvest(plan);
        expect(done).toMatchObject({ settled: true, refundFailures: 0 });

        const summaries = await summariesOf(world, plan);
        const ledger = await succeed(world.deps.ledger.listByPlan(plan.id));
        const paid = compensationInLedger(ledger);
        const ownerships = await succeed(
          allPages((page) => world.deps.ownerships.listByPlan(plan.id, page)),
        );
        const owed = settleShortfall(
          s.riskTerms,
          ownerships.map((o) => {
            const summary = summaries.find((x) => x.ownershipId === o.id);
            return {
              ownershipId: o.id,
              shares: o.shares,
              entitledUnits: o.shares * s.unitsPerShare,
              receivedStandardUnits: summary?.standardUnits ?? 0,
              paidForSharesYen: o.quote.sharesYen,
            };
          }),
        );
        if (owed._tag === "Left") throw new Error(owed.left.message);
        for (const line of owed.right) {
          const summary = summaries.find((x) => x.ownershipId === line.ownershipId);
          expect(paid.get(line.ownershipId) ?? 0).toBe(line.compensation.amountYen);
          expect(summary?.settled).toBe(true);
          expect((summary?.refundYen ?? 0) + (summary?.creditYen ?? 0)).toBe(
            line.compensation.amountYen,
          );
        }
        const balance = ledgerBalance(ledger);
        expect(balance.isBalanced).toBe(true);
        expect(await refundedAt(world, plan)).toBe(balance.refundsYen);
        // Credit balances hold exactly the credit the ledger issued.
        let credited = 0;
        for (const o of ownerships)
          credited += await succeed(world.deps.creditBalances.balance(o.ownerId, plan.producerId));
        expect(credited).toBe(balance.creditsYen);
        // Units: the standard harvest up to the entitlement went to owners (no bonus cap here, the
        // surplus returns to the producer); nothing is allocated that was not harvested.
        expect(summaries.reduce((a, x) => a + x.standardUnits, 0)).toBe(
          Math.min(standard, entitled),
        );
        expect(summaries.reduce((a, x) => a + x.offspecUnits, 0)).toBeLessThanOrEqual(offspec);
        for (const x of summaries) expect(x.standardUnits).toBeLessThanOrEqual(x.entitledUnits);
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
