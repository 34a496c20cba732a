import { makeMemoryBatchStores } from "@owners/adapter-memory";
import { instant, type Plan } from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, it } from "vitest";
import { allPages } from "../all-pages.ts";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { makeHarvestWorld } from "../testing/harvest-world.ts";
import { makeReservationKit } from "../testing/reservation-kit.ts";
import { type BatchPorts, parseBatchInput, runBatch } from "./registry.ts";

/** Three closed plans, two harvested (one short), one still waiting for its harvest. */
const harvestedWorld = async () => {
  const world = makeHarvestWorld();
  const deps: BatchPorts = { ...world.deps, ...makeMemoryBatchStores() };
  const plans: Plan[] = [];
  for (const [p, id] of ["plan_a", "plan_b", "plan_c"].entries()) {
    const plan = await world.openPlan(id, { totalShares: 12, maxSharesPerOwner: 3 });
    for (let i = 0; i < 4; i++) await world.reserve(plan, `owner${p}${i}`, (i % 3) + 1, i);
    plans.push(await world.closePlan(plan.id));
  }
  const [a, b] = plans as [Plan, Plan, Plan];
  await world.addLot(a, "lot_a1", 28, { recordedAt: instant("2026-07-20T00:00:00.000Z") });
  await world.addLot(b, "lot_b1", 20, { recordedAt: instant("2026-07-20T00:00:00.000Z") });
  for (let i = 0; i < 12; i++) await world.giveAddress(`owner${Math.floor(i / 4)}${i % 4}`);
  return { world, deps, plans };
};

describe("runBatch", () => {
  it("sweeps the plans with work, one plan a chunk, and leaves the others", async () => {
    const { world, deps, plans } = await harvestedWorld();
    const run = runBatch(deps);
    const allocated = await succeed(run("allocate-harvests"));
    expect(allocated).toMatchObject({ scope: "all", outcome: "finished" });
    expect(allocated.counts).toMatchObject({
      plansAllocated: 2,
      lotsAllocated: 2,
      // plan_c waits for its harvest; plan_a and plan_b are seen again among the allocated.
      plansSkipped: 3,
      messagesEnqueued: 8,
    });
    // Lots are allocated as they come; the shortfall waits for the harvest to be final.
    expect(allocated.counts.refundsPaid).toBe(0);
    const statuses = await Promise.all(
      plans.map(async (p) => O.map((x: Plan) => x.status)(await succeed(deps.plans.get(p.id)))),
    );
    expect(statuses).toEqual([O.some("allocated"), O.some("allocated"), O.some("closed")]);

    const again = await succeed(run("allocate-harvests"));
    expect(again.counts).toEqual({ plansSkipped: 3 });

    const shipped = await succeed(run("schedule-shipments"));
    expect(shipped.counts).toMatchObject({ plansScheduled: 2, lotsScheduled: 2, shipments: 8 });
    const flushed = await succeed(run("flush-notifications"));
    expect(flushed.counts).toMatchObject({ delivered: 16, failed: 0 });
    expect(await succeed(world.deps.outbox.listPending(10))).toEqual([]);
  });

  it("settles the shortfall by itself once the delivery window has ended, then leaves it", async () => {
    const { world, deps, plans } = await harvestedWorld();
    const run = runBatch(deps);
    await succeed(run("allocate-harvests"));
    world.clock.set(instant("2026-09-01T00:00:00.000Z"));
    const settled = await succeed(run("allocate-harvests"));
    // plan_b (20 of 24 packs) is short: its owners are refunded; plan_a covered its owners.
    expect(settled.counts).toMatchObject({ plansAllocated: 2, plansSkipped: 1 });
    expect(settled.counts.refundsPaid).toBeGreaterThan(0);
    const [a, b] = plans as [Plan, Plan, Plan];
    for (const plan of [a, b]) {
      const stored = O.toUndefined(await succeed(deps.plans.get(plan.id)));
      expect(stored?.harvestCompletedAt).toBe("2026-09-01T00:00:00.000Z");
      expect(stored?.shortfallSettledAt).toBe("2026-09-01T00:00:00.000Z");
    }
    expect((await succeed(run("allocate-harvests"))).counts).toEqual({ plansSkipped: 3 });
  });

  it("runs a plan batch for the one plan asked, under that plan's own checkpoint", async () => {
    const { deps, plans } = await harvestedWorld();
    const [a, b] = plans as [Plan, Plan, Plan];
    const report = await succeed(runBatch(deps)("allocate-harvests", { planId: a.id }));
    expect(report).toMatchObject({ scope: a.id, chunks: 1, counts: { plansAllocated: 1 } });
    const stillClosed = await succeed(deps.plans.get(b.id));
    expect(O.map((p: Plan) => p.status)(stillClosed)).toEqual(O.some("closed"));
    const checkpoint = await succeed(deps.checkpoints.get("allocate-harvests", a.id));
    expect(O.map((c: { status: string }) => c.status)(checkpoint)).toEqual(O.some("done"));
  });

  it("reports a plan that cannot be allocated when asked for it, and goes on in a sweep", async () => {
    const { deps, plans } = await harvestedWorld();
    const waiting = plans[2] as Plan;
    const refused = await failWith(runBatch(deps)("allocate-harvests", { planId: waiting.id }));
    expect(refused._tag).toBe("HARVEST.NOT_ALLOCATABLE");
    // Its run was left unfinished, so the sweep tries it again, records the problem, and goes on.
    const sweep = await succeed(runBatch(deps)("allocate-harvests"));
    expect(sweep.problems).toEqual([
      expect.objectContaining({ item: waiting.id, code: "HARVEST.NOT_ALLOCATABLE" }),
    ]);
    expect(sweep.counts).toMatchObject({ plansAllocated: 2, plansFailed: 1 });
  });

  it("lets a plan with a reservation waiting for its payment wait, without calling it a failure", async () => {
    const world = makeHarvestWorld();
    const deps: BatchPorts = { ...world.deps, ...makeMemoryBatchStores() };
    const plan = await world.openPlan("plan_konbini", { totalShares: 12, maxSharesPerOwner: 3 });
    await world.reserve(plan, "paid", 2, 0);
    const held = await world.holdUnpaid(plan, "voucher", 1, 1);
    await world.addLot(await world.closePlan(plan.id), "lot_1", 12);
    const waiting = await succeed(runBatch(deps)("allocate-harvests"));
    expect(waiting.counts).toEqual({ plansWaitingForPayments: 1 });
    expect(waiting.problems).toEqual([]);
    await world.payHold(held);
    const allocated = await succeed(runBatch(deps)("allocate-harvests"));
    expect(allocated.counts).toMatchObject({ plansAllocated: 1, lotsAllocated: 1 });
  });

  it("closes the plans whose sales ended and withdraws expired offers", async () => {
    const kit = makeReservationKit({ config: { offerTtlMs: 3_600_000 } });
    const deps: BatchPorts = {
      ...makeHarvestWorld().deps,
      ...kit.deps,
      reservationConfig: kit.deps.config,
      ...makeMemoryBatchStores(),
    };
    const ended = await kit.givenOpenPlan({
      salesWindow: {
        opensAt: instant("2026-06-01T00:00:00.000Z"),
        closesAt: instant("2026-06-05T00:00:00.000Z"),
      },
      cancellationDeadline: instant("2026-06-03T00:00:00.000Z"),
    });
    const open = await kit.givenOpenPlan();
    const report = await succeed(runBatch(deps)("close-sales", { chunkSize: 1 }));
    expect(report).toMatchObject({ outcome: "finished", counts: { plansClosed: 1 } });
    const status = async (p: Plan) =>
      O.map((x: Plan) => x.status)(await succeed(deps.plans.get(p.id)));
    expect([await status(ended), await status(open)]).toEqual([O.some("closed"), O.some("open")]);
    const expired = await succeed(runBatch(deps)("expire-offers"));
    expect(expired).toMatchObject({ outcome: "finished", counts: { offersWithdrawn: 0 } });
  });

  it("refuses unknown batches and anyone but the platform or an admin", async () => {
    const { deps } = await harvestedWorld();
    expect((await failWith(runBatch(deps)("export-everything")))._tag).toBe("BATCH.UNKNOWN");
    const owner = { id: "owner00", role: "owner" as const };
    expect((await failWith(runBatch(deps)("close-sales", {}, { actor: owner })))._tag).toBe(
      "AUTH.FORBIDDEN",
    );
    const all = await succeed(allPages((page) => deps.plans.list({}, page)));
    expect(all).toHaveLength(3);
  });
});

describe("parseBatchInput", () => {
  it("reads a plan id and a chunk size, numbers given as strings too", () => {
    expect(parseBatchInput(undefined)).toEqual({ _tag: "Right", right: {} });
    expect(parseBatchInput({ planId: "plan_a", chunkSize: "5", other: "x" })).toEqual({
      _tag: "Right",
      right: { planId: "plan_a", chunkSize: 5 },
    });
  });

  it("refuses what is not a plan id or a positive chunk size", () => {
    for (const raw of [{ planId: "" }, { planId: 3 }, { chunkSize: "0" }, { chunkSize: 1.5 }, []])
      expect(parseBatchInput(raw)).toMatchObject({
        _tag: "Left",
        left: { _tag: "VALIDATION.INVALID" },
      });
  });
});
