import { type BatchInput, runBatch } from "@owners/app";
import { succeed } from "@owners/app/testing";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BatchWorld,
  type CrashSwitch,
  crashAfterChunks,
  makeDynamoBatchWorld,
  seedHarvestedPlans,
  tableSnapshot,
} from "./testing/batch-world.ts";
import { createTestTable, type TestTable } from "./testing/dynamo-test-table.ts";
import { refuseScans } from "./testing/refuse-scans.ts";

/** The harvest batches in the order the scheduler runs them; the flush in chunks of 10 messages. */
const PIPELINE: readonly (readonly [string, BatchInput])[] = [
  ["allocate-harvests", {}],
  ["schedule-shipments", {}],
  ["flush-notifications", { chunkSize: 10 }],
];

/** What the batches leave behind: every item of the table, the money moved, the mail sent. */
const finalState = async (table: TestTable, { world }: BatchWorld) => ({
  items: await tableSnapshot(table),
  refunds: world.payments
    .checkouts()
    .filter((c) => c.refundedYen > 0)
    .map((c) => [c.request.ownershipId, c.refundedYen]),
  delivered: world.deps.notifier
    .delivered()
    .map((m) => m.dedupeKey)
    .sort(),
});

type FinalState = Awaited<ReturnType<typeof finalState>>;

/**
 * Crash/resume on DynamoDB Local: each batch of the pipeline dies after k chunks (at the chunk
 * boundary, or some requests into the next chunk: mid-plan, between a delivery and its mark),
 * leaving its lease and an unfinished checkpoint; the next invocation takes the expired lease over
 * and resumes. The final table, item by item, equals that of an uninterrupted run, with no second
 * refund and no second notification.
 */
describe("batches resumed after a crash", () => {
  let clean: FinalState;
  beforeAll(async () => {
    const table = await createTestTable({ configure: refuseScans });
    const batchWorld = makeDynamoBatchWorld(table);
    await seedHarvestedPlans(batchWorld.world);
    for (const [name, input] of PIPELINE) await succeed(runBatch(batchWorld.deps)(name, input));
    clean = await finalState(table, batchWorld);
    await table.drop();
  });

  it("an uninterrupted run has work in every batch to crash in", () => {
    expect(clean.refunds.length).toBeGreaterThan(0);
    expect(clean.delivered.length).toBeGreaterThan(40);
    expect(clean.items.filter((i) => i.entity === "shipment").length).toBeGreaterThan(20);
  });

  const crashes: readonly (readonly [string, number, number])[] = [
    ["allocate-harvests", 0, 3],
    ["allocate-harvests", 1, 0],
    ["allocate-harvests", 2, 30],
    ["allocate-harvests", 3, 40],
    ["allocate-harvests", 5, 4],
    ["schedule-shipments", 0, 12],
    ["schedule-shipments", 2, 0],
    ["flush-notifications", 1, 7],
    ["flush-notifications", 3, 0],
  ];

  describe.each(crashes)("%s crashing after %i chunks and %i more requests", (batch, k, more) => {
    let table: TestTable;
    let crash: CrashSwitch;
    afterAll(() => table.drop());

    it("resumes and ends exactly where an uninterrupted run ends", async () => {
      table = await createTestTable({
        configure: (doc) => {
          refuseScans(doc);
          crash = crashAfterChunks(doc, batch, k, more);
        },
      });
      const batchWorld = makeDynamoBatchWorld(table);
      await seedHarvestedPlans(batchWorld.world);
      const run = runBatch(batchWorld.deps);
      for (const [name, input] of PIPELINE) {
        if (name !== batch) {
          await succeed(run(name, input));
          continue;
        }
        // leaseMs 0: by the time the next invocation comes, the dead one's lease has expired.
        const died = await run(name, input, { leaseMs: 0 })();
        expect(crash.crashed()).toBe(true);
        expect(E.isLeft(died) && died.left._tag).toBe("STORE.UNAVAILABLE");
        crash.heal();
        const resumed = await succeed(run(name, input));
        expect(resumed).toMatchObject({ outcome: "finished", resumed: true });
        expect(resumed.chunks).toBeGreaterThan(k);
      }
      expect(await finalState(table, batchWorld)).toEqual(clean);
    });
  });
});
