import { instant, ledgerBalance, lotId, type Plan, planId } from "@owners/domain";
import * as TE from "fp-ts/lib/TaskEither.js";
import { beforeEach, describe, expect, it } from "vitest";
import { allPages } from "../all-pages.ts";
import { fanOutNotices } from "../communication/fan-out-notices.ts";
import { appError } from "../errors.ts";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { type HarvestWorld, makeHarvestWorld, SYSTEM } from "../testing/harvest-world.ts";
import { allocateHarvests } from "./allocate-harvests.ts";

/** Four owners holding 3 + 2 + 3 + 1 shares of 4 packs at 5,000 yen a share: 36 packs entitled. */
const setUp = async (world: HarvestWorld, riskTerms: "refund" | "credit" | "shared" = "refund") => {
  const plan = await world.openPlan("plan_figs", { riskTerms });
  for (const [minute, [owner, shares]] of (
    [
      ["alice", 3],
      ["bob", 2],
      ["carol", 3],
      ["dave", 1],
    ] as const
  ).entries())
    await world.reserve(plan, owner, shares, minute);
  return world.closePlan(plan.id);
};

/** 20 + 10 standard packs (6 short of 36) and 5 off-spec packs. */
const harvestShort = async (world: HarvestWorld, plan: Plan) => {
  await world.addLot(plan, "lot_1", 20, { recordedAt: instant("2026-07-20T00:00:00.000Z") });
  await world.addLot(plan, "lot_2", 10, { recordedAt: instant("2026-07-21T00:00:00.000Z") });
  await world.addLot(plan, "lot_3", 5, {
    grade: "offspec",
    recordedAt: instant("2026-07-22T00:00:00.000Z"),
  });
};

/** The plan's harvest declared final (what POST /plans/{id}/harvest-complete writes first). */
const markComplete = async (world: HarvestWorld, plan: Plan) => {
  const stored = await succeed(world.deps.plans.get(plan.id));
  if (stored._tag === "None") throw new Error(`no plan ${plan.id}`);
  await succeed(
    world.deps.plans.save(
      { ...stored.value, harvestCompletedAt: world.clock.now() },
      stored.value.version,
    ),
  );
};

describe("allocateHarvests", () => {
  let world: HarvestWorld;
  let plan: Plan;
  beforeEach(async () => {
    world = makeHarvestWorld();
  });

  const summaries = () =>
    succeed(allPages((page) => world.deps.allocations.listSummaries(plan.id, page)));
  const refunded = async () => (await succeed(world.payments.planTotals(plan.id))).refundedYen;

  it("allocates lots as they come but settles nothing before the harvest is final", async () => {
    plan = await setUp(world);
    await harvestShort(world, plan);
    const report = await succeed(allocateHarvests(world.deps)(SYSTEM, { planId: plan.id }));
    expect(report).toMatchObject({
      harvestFinal: false,
      compensationsWritten: 0,
      refundsPaid: 0,
      planStatus: "allocated",
    });
    const all = await summaries();
    expect(all.reduce((sum, s) => sum + s.standardUnits, 0)).toBe(30);
    for (const s of all) {
      expect(s).toMatchObject({ settled: false, refundYen: 0, creditYen: 0 });
      expect(s.compensation).toEqual({ kind: "none", amountYen: 0 });
      expect(s.statement[0]).toMatch(/^Harvest so far is 83% of plan; any shortfall is settled/);
    }
    expect(await refunded()).toBe(0);
    expect(await succeed(world.deps.ledger.listByPlan(plan.id))).toHaveLength(12);
  });

  it("divides every lot, refunds the shortfall in proportion and marks the plan allocated", async () => {
    plan = await setUp(world);
    await harvestShort(world, plan);
    await markComplete(world, plan);
    const report = await succeed(allocateHarvests(world.deps)(SYSTEM, { planId: plan.id }));

    expect(report).toMatchObject({
      lotsAllocated: ["lot_1", "lot_2", "lot_3"],
      activeOwnerships: 4,
      compensationsWritten: 4,
      refundsPaid: 4,
      refundFailures: [],
      summariesWritten: 4,
      planStatus: "allocated",
    });
    expect(report.totals).toMatchObject({
      entitledUnits: 36,
      allocatedStandard: 30,
      allocatedOffspec: 5,
      shortfallUnits: 6,
    });

    const all = await summaries();
    expect(all.reduce((sum, s) => sum + s.standardUnits, 0)).toBe(30);
    expect(all.reduce((sum, s) => sum + s.offspecUnits, 0)).toBe(5);
    for (const s of all) {
      // Within one unit of the exact proportional share of 30 standard packs.
      const exact = (30 * s.shares) / 9;
      expect(s.standardUnits).toBeGreaterThanOrEqual(Math.floor(exact));
      expect(s.standardUnits).toBeLessThanOrEqual(Math.ceil(exact));
      expect(s.missingUnits).toBe(s.entitledUnits - s.standardUnits);
      expect(s.refundYen).toBe(s.compensation.amountYen);
      expect(s.settled).toBe(true);
      expect(s.paidRefundEntryIds).toHaveLength(1);
      expect(s.statement[0]).toMatch(/^Harvest was 83% of plan; refund of [\d,]+ yen/);
    }
    // 5,000 yen a share for 4 packs: every missing pack is worth 1,250 yen, 6 missing in all.
    expect(all.reduce((sum, s) => sum + s.refundYen, 0)).toBe(7500);
    expect(await refunded()).toBe(7500);

    const ledger = await succeed(world.deps.ledger.listByPlan(plan.id));
    const balance = ledgerBalance(ledger);
    expect(balance.isBalanced).toBe(true);
    expect(balance.refundsYen).toBe(7500);

    const stored = await succeed(world.deps.plans.get(plan.id));
    expect(stored._tag === "Some" && stored.value.status).toBe("allocated");
    expect(stored._tag === "Some" && stored.value.shortfallSettledAt).toBe(world.clock.now());
    const pending = await succeed(world.deps.outbox.listPending(100));
    const allocationRecords = all.reduce((sum, s) => sum + s.lots.length, 0);
    expect(pending).toHaveLength(allocationRecords);
    expect(report.messagesEnqueued).toBe(allocationRecords);
    expect(new Set(pending.map((m) => m.kind))).toEqual(new Set(["allocation-ready"]));
    // The settlement wrote ONE statement trigger with the plan; its fan-out tells each owner
    // what came back, once.
    const triggers = await succeed(world.deps.outbox.listPendingFanOuts(10));
    expect(triggers.map((t) => t.kind)).toEqual(["allocation-statement"]);
    await succeed(fanOutNotices(world.deps)(SYSTEM));
    await succeed(fanOutNotices(world.deps)(SYSTEM));
    const statements = (await succeed(world.deps.outbox.listPending(100))).filter(
      (m) => m.kind === "allocation-statement",
    );
    expect(statements.map((m) => m.recipientId).sort()).toEqual(
      [...new Set(all.map((s) => s.ownerId as string))].sort(),
    );
    expect(statements.reduce((sum, m) => sum + Number(m.params?.refundYen), 0)).toBe(7500);
  });

  it("writes each lot's non-zero allocations, which add up to the lot", async () => {
    plan = await setUp(world);
    await harvestShort(world, plan);
    await succeed(allocateHarvests(world.deps)(SYSTEM, { planId: plan.id }));
    for (const [lot, quantity] of [
      ["lot_1", 20],
      ["lot_2", 10],
      ["lot_3", 5],
    ] as const) {
      const records = await succeed(
        allPages((page) => world.deps.allocations.listLotAllocations(plan.id, lot as never, page)),
      );
      expect(records.reduce((sum, r) => sum + r.units, 0)).toBe(quantity);
      expect(records.every((r) => r.units > 0)).toBe(true);
    }
    expect(await succeed(world.deps.allocations.allocatedLotIds(plan.id))).toEqual([
      "lot_1",
      "lot_2",
      "lot_3",
    ]);
  });

  it("grants store credit under credit terms, moving no money, into the owners' balances", async () => {
    plan = await setUp(world, "credit");
    await harvestShort(world, plan);
    await markComplete(world, plan);
    const report = await succeed(allocateHarvests(world.deps)(SYSTEM, { planId: plan.id }));
    expect(report.refundsPaid).toBe(0);
    expect(await refunded()).toBe(0);
    const all = await summaries();
    expect(all.reduce((sum, s) => sum + s.creditYen, 0)).toBe(7500);
    for (const s of all)
      expect(await succeed(world.deps.creditBalances.balance(s.ownerId, plan.producerId))).toBe(
        s.creditYen,
      );
    expect(all.every((s) => s.refundYen === 0 && s.compensation.kind === "credit")).toBe(true);
    expect(ledgerBalance(await succeed(world.deps.ledger.listByPlan(plan.id)))).toMatchObject({
      isBalanced: true,
      creditsYen: 7500,
      refundsYen: 0,
    });
  });

  it("compensates nothing under shared terms, and says why", async () => {
    plan = await setUp(world, "shared");
    await harvestShort(world, plan);
    await markComplete(world, plan);
    const report = await succeed(allocateHarvests(world.deps)(SYSTEM, { planId: plan.id }));
    expect(report.compensationsWritten).toBe(0);
    const all = await summaries();
    expect(
      all.every((s) => s.compensation.kind === "none" && s.refundYen === 0 && s.creditYen === 0),
    ).toBe(true);
    expect(all[0]?.statement[0]).toContain("share the harvest risk");
  });

  it("settles nothing when the harvest covers the entitlement", async () => {
    plan = await setUp(world);
    await world.addLot(plan, "lot_big", 40);
    await markComplete(world, plan);
    const report = await succeed(allocateHarvests(world.deps)(SYSTEM, { planId: plan.id }));
    expect(report.totals).toMatchObject({ shortfallUnits: 0, returnedToProducer: 4 });
    expect(report.compensationsWritten).toBe(0);
    expect(await refunded()).toBe(0);
  });

  it("allocates a lot recorded after the plan was allocated, and settles from the final one", async () => {
    plan = await setUp(world);
    await harvestShort(world, plan);
    await succeed(allocateHarvests(world.deps)(SYSTEM, { planId: plan.id }));
    const before = await summaries();
    await world.addLot(plan, "lot_4", 4, { recordedAt: instant("2026-07-26T00:00:00.000Z") });
    await markComplete(world, plan);
    const report = await succeed(allocateHarvests(world.deps)(SYSTEM, { planId: plan.id }));
    expect(report.lotsAllocated).toEqual(["lot_4"]);
    const after = await summaries();
    expect(after.reduce((sum, s) => sum + s.standardUnits, 0)).toBe(34);
    for (const [i, s] of after.entries())
      expect(s.standardUnits).toBeGreaterThanOrEqual(before[i]?.standardUnits ?? 0);
    // 2 packs short of 36, at 1,250 yen each: refunded once, from the final allocation.
    expect(after.reduce((sum, s) => sum + s.refundYen, 0)).toBe(2500);
    expect(await refunded()).toBe(2500);
  });

  it("settles by itself once the delivery window has ended", async () => {
    plan = await setUp(world);
    await harvestShort(world, plan);
    world.clock.set(instant("2026-08-31T15:00:00.000Z"));
    const report = await succeed(allocateHarvests(world.deps)(SYSTEM, { planId: plan.id }));
    expect(report).toMatchObject({ harvestFinal: true, compensationsWritten: 4, refundsPaid: 4 });
    const stored = await succeed(world.deps.plans.get(plan.id));
    expect(stored._tag === "Some" && stored.value.harvestCompletedAt).toBe(
      "2026-08-31T15:00:00.000Z",
    );
    expect(await refunded()).toBe(7500);
  });

  it("lets the plan's producer run it", async () => {
    plan = await setUp(world);
    await harvestShort(world, plan);
    expect(
      (await succeed(allocateHarvests(world.deps)(world.producerOf(plan), { planId: plan.id })))
        .planStatus,
    ).toBe("allocated");
  });

  it("reports a declined refund, keeps it owed, and pays it on the next run", async () => {
    plan = await setUp(world);
    await harvestShort(world, plan);
    await markComplete(world, plan);
    const aliceOwnership = "own_plan_figs_alice";
    const declining = {
      ...world.deps,
      payments: {
        ...world.payments,
        refundPayment: (request: Parameters<typeof world.payments.refundPayment>[0]) =>
          request.ownershipId === aliceOwnership
            ? TE.left(appError("PAYMENT.DECLINED", "insufficient platform balance"))
            : world.payments.refundPayment(request),
      },
    };
    const first = await succeed(allocateHarvests(declining)(SYSTEM, { planId: plan.id }));
    expect(first.refundFailures.map((f) => [f.ownershipId, f.error])).toEqual([
      [aliceOwnership, "PAYMENT.DECLINED"],
    ]);
    const owed = (await summaries()).find((s) => s.ownershipId === aliceOwnership);
    expect(owed?.paidRefundEntryIds).toEqual([]);

    const afterFirst = await succeed(world.deps.plans.get(plan.id));
    expect(afterFirst._tag === "Some" && afterFirst.value.shortfallSettledAt).toBeUndefined();
    const second = await succeed(allocateHarvests(world.deps)(SYSTEM, { planId: plan.id }));
    expect(second).toMatchObject({ refundsPaid: 1, refundFailures: [], compensationsWritten: 0 });
    expect(await refunded()).toBe(7500);
    expect(
      (await summaries()).find((s) => s.ownershipId === aliceOwnership)?.paidRefundEntryIds,
    ).toHaveLength(1);
  });

  it("waits while a reservation still waits for its payment, then allocates it like the others", async () => {
    plan = await world.openPlan("plan_figs");
    await world.reserve(plan, "alice", 3, 0);
    const bob = await world.holdUnpaid(plan, "bob", 2, 1);
    plan = await world.closePlan(plan.id);
    await world.addLot(plan, "lot_1", 10, { recordedAt: instant("2026-07-20T00:00:00.000Z") });

    const waiting = await failWith(allocateHarvests(world.deps)(SYSTEM, { planId: plan.id }));
    expect(waiting).toMatchObject({
      _tag: "HARVEST.PAYMENTS_PENDING",
      details: { planId: plan.id, waiting: 1 },
    });
    expect(await succeed(world.deps.allocations.allocatedLotIds(plan.id))).toEqual([]);
    expect(await summaries()).toEqual([]);

    // Bob's konbini payment arrives: the next run divides every lot among both owners.
    expect((await world.payHold(bob)).status).toBe("active");
    await world.addLot(plan, "lot_2", 10, { recordedAt: instant("2026-07-21T00:00:00.000Z") });
    await succeed(allocateHarvests(world.deps)(SYSTEM, { planId: plan.id }));
    const written = new Map<string, number>();
    for (const lot of ["lot_1", "lot_2"])
      for (const record of await succeed(
        allPages((page) => world.deps.allocations.listLotAllocations(plan.id, lotId(lot), page)),
      ))
        written.set(record.ownershipId, (written.get(record.ownershipId) ?? 0) + record.units);
    // 20 packs for 5 shares: 12 and 8, and what each owner's lots say is what its summary says.
    const byOwnership = new Map((await summaries()).map((s) => [s.ownershipId, s.standardUnits]));
    expect(byOwnership.get(bob.id)).toBe(8);
    expect(Object.fromEntries(written)).toEqual(Object.fromEntries(byOwnership));
  });

  describe("refuses", () => {
    it("an unknown plan", async () => {
      expect(
        (await failWith(allocateHarvests(world.deps)(SYSTEM, { planId: planId("plan_none") })))
          ._tag,
      ).toBe("PLAN.NOT_FOUND");
    });

    it("anyone but the plan's producer or the system", async () => {
      plan = await setUp(world);
      await harvestShort(world, plan);
      const allocateAs = (actor: Parameters<ReturnType<typeof allocateHarvests>>[0]) =>
        failWith(allocateHarvests(world.deps)(actor, { planId: plan.id }));
      expect((await allocateAs(world.owner("alice")))._tag).toBe("AUTH.FORBIDDEN");
      expect((await allocateAs({ id: "producer_other", role: "producer" }))._tag).toBe(
        "PLAN.NOT_PRODUCER",
      );
    });

    it("a plan whose sales are still open", async () => {
      plan = await world.openPlan("plan_open");
      await world.addLot(plan, "lot_1", 10);
      const error = await failWith(allocateHarvests(world.deps)(SYSTEM, { planId: plan.id }));
      expect(error).toMatchObject({ _tag: "PLAN.WRONG_STATUS", details: { status: "open" } });
    });

    it("a plan without any lot", async () => {
      plan = await setUp(world);
      expect((await failWith(allocateHarvests(world.deps)(SYSTEM, { planId: plan.id })))._tag).toBe(
        "HARVEST.NOT_ALLOCATABLE",
      );
      expect(await refunded()).toBe(0);
    });

    it("and stops on an unavailable gateway, leaving the rest to the next run", async () => {
      plan = await setUp(world);
      await harvestShort(world, plan);
      await markComplete(world, plan);
      world.payments.setAvailable(false);
      expect((await failWith(allocateHarvests(world.deps)(SYSTEM, { planId: plan.id })))._tag).toBe(
        "PAYMENT.UNAVAILABLE",
      );
      world.payments.setAvailable(true);
      const report = await succeed(allocateHarvests(world.deps)(SYSTEM, { planId: plan.id }));
      expect(report).toMatchObject({ lotsAllocated: [], compensationsWritten: 0, refundsPaid: 4 });
      expect(await refunded()).toBe(7500);
    });
  });
});
