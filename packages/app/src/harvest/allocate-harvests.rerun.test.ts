import { instant, ledgerBalance, type Plan } from "@owners/domain";
import { describe, expect, it } from "vitest";
import { allPages } from "../all-pages.ts";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { failAfter } from "../testing/fail-after.ts";
import { type HarvestWorld, makeHarvestWorld, SYSTEM } from "../testing/harvest-world.ts";
import { type AllocateHarvestsDeps, allocateHarvests } from "./allocate-harvests.ts";

/** Thirty owners (more than one ledger append: 24 refunds fit a transaction) and four lots, short. */
const setUp = async (world: HarvestWorld): Promise<Plan> => {
  const plan = await world.openPlan("plan_figs", { totalShares: 60, maxSharesPerOwner: 3 });
  for (let i = 0; i < 30; i++)
    await world.reserve(plan, `owner${String(i).padStart(2, "0")}`, (i % 3) + 1, i);
  const closed = await world.closePlan(plan.id);
  await world.addLot(closed, "lot_1", 80, { recordedAt: instant("2026-07-20T00:00:00.000Z") });
  await world.addLot(closed, "lot_2", 45, { recordedAt: instant("2026-07-21T00:00:00.000Z") });
  await world.addLot(closed, "lot_3", 32, { recordedAt: instant("2026-07-22T00:00:00.000Z") });
  await world.addLot(closed, "lot_4", 9, {
    grade: "offspec",
    recordedAt: instant("2026-07-23T00:00:00.000Z"),
  });
  // Declared final, so every run settles the shortfall (what harvest-complete does first).
  return succeed(
    world.deps.plans.save(
      { ...closed, harvestCompletedAt: instant("2026-07-24T00:00:00.000Z") },
      closed.version,
    ),
  );
};

/** Everything the batch writes, read back through the ports. */
const snapshot = async (world: HarvestWorld, plan: Plan) => {
  const { deps } = world;
  const lots = await succeed(deps.allocations.allocatedLotIds(plan.id));
  const lotAllocations = [];
  for (const lot of lots)
    lotAllocations.push(
      await succeed(allPages((page) => deps.allocations.listLotAllocations(plan.id, lot, page))),
    );
  const stored = await succeed(deps.plans.get(plan.id));
  return {
    lots,
    lotAllocations,
    summaries: await succeed(allPages((page) => deps.allocations.listSummaries(plan.id, page))),
    ledger: await succeed(deps.ledger.listByPlan(plan.id)),
    audit: await succeed(deps.audit.listByPlan(plan.id)),
    outbox: await succeed(deps.outbox.listPending(100)),
    refunds: world.payments.checkouts().filter((c) => c.refundedYen > 0),
    refundedYen: (await succeed(world.payments.planTotals(plan.id))).refundedYen,
    status: stored._tag === "Some" ? stored.value.status : undefined,
  };
};

const cleanRun = async () => {
  const world = makeHarvestWorld();
  const plan = await setUp(world);
  await succeed(allocateHarvests(world.deps)(SYSTEM, { planId: plan.id }));
  return snapshot(world, plan);
};

describe("allocateHarvests, run again", () => {
  it("changes nothing on a second run: no write, no refund, no message", async () => {
    const world = makeHarvestWorld();
    const plan = await setUp(world);
    const first = await succeed(allocateHarvests(world.deps)(SYSTEM, { planId: plan.id }));
    const after = await snapshot(world, plan);
    const second = await succeed(allocateHarvests(world.deps)(SYSTEM, { planId: plan.id }));

    expect(first.refundsPaid).toBe(after.refunds.length);
    expect(after.refunds.length).toBeGreaterThan(20);
    expect(second).toMatchObject({
      lotsAllocated: [],
      compensationsWritten: 0,
      refundsPaid: 0,
      summariesWritten: 0,
      messagesEnqueued: 0,
      planStatus: "allocated",
    });
    expect(await snapshot(world, plan)).toEqual(after);
    expect(ledgerBalance(after.ledger).isBalanced).toBe(true);
  });

  /** Each way a run can die midway, and what the next (healthy) run must still get right. */
  const crashes: readonly [string, (deps: AllocateHarvestsDeps) => AllocateHarvestsDeps][] = [
    [
      "while writing the second lot",
      (d) => ({ ...d, allocations: failAfter(d.allocations, "putLotAllocations", 1) }),
    ],
    [
      "after a lot's last write but before its mark",
      (d) => ({ ...d, allocations: failAfter(d.allocations, "markLotAllocated", 2) }),
    ],
    ["while enqueueing messages", (d) => ({ ...d, outbox: failAfter(d.outbox, "enqueue", 2) })],
    ["between two ledger appends", (d) => ({ ...d, ledger: failAfter(d.ledger, "append", 1) })],
    [
      "after a ledger append landed but its answer was lost",
      (d) => ({ ...d, ledger: failAfter(d.ledger, "append", 0, { afterWriting: true }) }),
    ],
    [
      "after some refunds were paid",
      (d) => ({ ...d, payments: failAfter(d.payments, "refundPayment", 7) }),
    ],
    [
      "after the gateway refunded but the answer was lost",
      (d) => ({
        ...d,
        payments: failAfter(d.payments, "refundPayment", 3, { afterWriting: true }),
      }),
    ],
    [
      "while writing summaries",
      (d) => ({
        ...d,
        allocations: failAfter(d.allocations, "putSummaries", 0, { afterWriting: true }),
      }),
    ],
    ["while marking the plan allocated", (d) => ({ ...d, plans: failAfter(d.plans, "save", 0) })],
  ];

  for (const [when, crash] of crashes)
    it(`ends in the clean run's state after a crash ${when}`, async () => {
      const expected = await cleanRun();
      const world = makeHarvestWorld();
      const plan = await setUp(world);
      const crashed = await failWith(
        allocateHarvests(crash(world.deps))(SYSTEM, { planId: plan.id }),
      );
      expect(crashed._tag).toBe("STORE.UNAVAILABLE");
      await succeed(allocateHarvests(world.deps)(SYSTEM, { planId: plan.id }));
      const final = await snapshot(world, plan);
      expect(final).toEqual(expected);
      // Nothing refunded twice: the processor took exactly what the ledger owes.
      expect(final.refundedYen).toBe(final.summaries.reduce((sum, s) => sum + s.refundYen, 0));
      expect(new Set(final.outbox.map((m) => m.dedupeKey)).size).toBe(final.outbox.length);
    });
});
