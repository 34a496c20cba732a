import { type BatchPorts, type BatchRunReport, runBatch } from "@owners/app";
import { succeed } from "@owners/app/testing";
import { addMillis, type Plan } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { afterEach, describe, expect, it } from "vitest";
import {
  type BatchWorld,
  makeDynamoBatchWorld,
  seedHarvestedPlans,
  tableSnapshot,
} from "./testing/batch-world.ts";
import { createTestTable, type TestTable } from "./testing/dynamo-test-table.ts";
import { refuseScans } from "./testing/refuse-scans.ts";

const tables: TestTable[] = [];
afterEach(async () => {
  await Promise.all(tables.splice(0).map((t) => t.drop()));
});

const harvested = async (): Promise<BatchWorld & { table: TestTable; plans: Plan[] }> => {
  const table = await createTestTable({ configure: refuseScans });
  tables.push(table);
  const batchWorld = makeDynamoBatchWorld(table);
  return { ...batchWorld, table, plans: await seedHarvestedPlans(batchWorld.world) };
};

const stateOf = async (table: TestTable, { world }: BatchWorld) => ({
  items: await tableSnapshot(table),
  refunds: world.payments
    .checkouts()
    .filter((c) => c.refundedYen > 0)
    .map((c) => [c.request.ownershipId, c.refundedYen]),
});

const outcomes = (results: readonly E.Either<{ _tag: string }, BatchRunReport>[]) =>
  results.map((r) => (E.isRight(r) ? r.right.outcome : r.left._tag)).sort();

describe("concurrent batch runs on DynamoDB", () => {
  it("lets one of two allocation runs on the same plan work; the other backs off", async () => {
    const single = await harvested();
    const planId = (single.plans[0] as Plan).id;
    await succeed(runBatch(single.deps)("allocate-harvests", { planId }));

    const raced = await harvested();
    const run = runBatch(raced.deps);
    const results = await Promise.all([
      run("allocate-harvests", { planId }, { owner: "inv-1" })(),
      run("allocate-harvests", { planId }, { owner: "inv-2" })(),
    ]);
    expect(outcomes(results)).toEqual(["BATCH.LEASE_HELD", "finished"]);
    const state = await stateOf(raced.table, raced);
    expect(state.refunds.length).toBeGreaterThan(0);
    expect(state).toEqual(await stateOf(single.table, single));
  });

  it("lets one of two sweeps run; a plan held by a --plan run is left for the next sweep", async () => {
    const reference = await harvested();
    await succeed(runBatch(reference.deps)("allocate-harvests"));

    const raced = await harvested();
    const deps: BatchPorts = raced.deps;
    const held = raced.plans[1] as Plan;
    const now = deps.clock.now();
    await succeed(
      deps.leases.acquire("allocate-harvests", held.id, "inv-plan", now, addMillis(now, 60_000)),
    );
    const run = runBatch(deps);
    const sweeps = await Promise.all([run("allocate-harvests")(), run("allocate-harvests")()]);
    expect(outcomes(sweeps)).toEqual(["BATCH.LEASE_HELD", "finished"]);
    const finished = sweeps.find(E.isRight)?.right;
    expect(finished?.counts).toMatchObject({ plansAllocated: 3, plansBusy: 1 });

    await succeed(deps.leases.release("allocate-harvests", held.id, "inv-plan"));
    const next = await succeed(run("allocate-harvests"));
    expect(next.counts).toMatchObject({ plansAllocated: 1 });
    expect(await stateOf(raced.table, raced)).toEqual(await stateOf(reference.table, reference));
  });
});
