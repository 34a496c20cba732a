import { ScanCommand } from "@aws-sdk/client-dynamodb";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { runBatch } from "@owners/app";
import { succeed } from "@owners/app/testing";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Item } from "./item.ts";
import { makeDynamoBatchWorld, seedHarvestedPlans, tableSnapshot } from "./testing/batch-world.ts";
import { createTestTable, type TestTable } from "./testing/dynamo-test-table.ts";
import { refuseScans } from "./testing/refuse-scans.ts";

const WRITES = new Set([
  "TransactWriteItemsCommand",
  "PutItemCommand",
  "UpdateItemCommand",
  "DeleteItemCommand",
  "BatchWriteItemCommand",
]);

const text = (value: unknown): unknown =>
  typeof value === "object" && value !== null && "S" in value ? (value as { S: string }).S : value;
const number = (value: unknown): unknown =>
  typeof value === "object" && value !== null && "N" in value
    ? Number((value as { N: string }).N)
    : value;

/**
 * Once allocate-harvests has saved its checkpoint after `afterChunks` chunks, DynamoDB throttles
 * every write until `stop()` (reads go through): throttling that outlasts any retry budget.
 */
const throttleWritesAfterChunks = (doc: DynamoDBDocumentClient, afterChunks: number) => {
  const state = { on: false, stopped: false, throttled: 0 };
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (state.on && !state.stopped && WRITES.has(context.commandName ?? "")) {
        state.throttled += 1;
        throw Object.assign(new Error("Throughput exceeds the table's limit (injected)"), {
          name: "ThrottlingException",
          $fault: "client",
          $metadata: { httpStatusCode: 400 },
        });
      }
      const result = await next(args);
      const item = (args.input as { Item?: Record<string, unknown> }).Item;
      if (
        item !== undefined &&
        text(item.SK) === "CHECKPOINT" &&
        text(item.batch) === "allocate-harvests" &&
        text(item.scope) === "all" &&
        number(item.chunks) === afterChunks
      )
        state.on = true;
      return result;
    },
    { step: "finalizeRequest", name: "throttleWritesAfterChunks" },
  );
  return {
    state,
    stop: () => {
      state.stopped = true;
    },
  };
};

const checkpointOf = (items: readonly Item[]) =>
  items.find(
    (i) => String(i.SK) === "CHECKPOINT" && i.batch === "allocate-harvests" && i.scope === "all",
  );

/** Every item including the batch runner's (the checkpoint lives under BATCH#). */
const withBatchItems = async (table: TestTable): Promise<Item[]> => {
  const out = await table.raw.send(
    new ScanCommand({ TableName: table.tableName, ConsistentRead: true }),
  );
  return (out.Items ?? []).map((i) => unmarshall(i) as Item);
};

/**
 * A chunk of allocate-harvests under throttling that never stops within the run: the run reports
 * STORE.UNAVAILABLE, the checkpoint stays at the last complete chunk, the table holds nothing of
 * the refused chunk, and once throttling stops a new run ends exactly where an undisturbed run ends.
 */
describe("allocate-harvests under persistent write throttling", () => {
  let clean: Item[];
  beforeAll(async () => {
    const table = await createTestTable({ configure: refuseScans });
    const batchWorld = makeDynamoBatchWorld(table);
    await seedHarvestedPlans(batchWorld.world);
    await succeed(runBatch(batchWorld.deps)("allocate-harvests", {}));
    clean = await tableSnapshot(table);
    await table.drop();
  }, 120_000);

  describe.each([1, 2])("throttled after %i chunks", (k) => {
    let table: TestTable;
    afterAll(() => table.drop());

    it("fails typed, keeps the checkpoint at chunk k, and a later run finishes identically", async () => {
      let throttle!: ReturnType<typeof throttleWritesAfterChunks>;
      table = await createTestTable({
        configure: (doc) => {
          refuseScans(doc);
          throttle = throttleWritesAfterChunks(doc, k);
        },
      });
      const batchWorld = makeDynamoBatchWorld(table);
      await seedHarvestedPlans(batchWorld.world);
      const run = runBatch(batchWorld.deps);
      // leaseMs 0: the failed run cannot release its lease; the next one must be able to take it.
      const failed = await run("allocate-harvests", {}, { leaseMs: 0 })();
      expect(throttle.state.throttled).toBeGreaterThan(0);
      expect(E.isLeft(failed) && failed.left._tag).toBe("STORE.UNAVAILABLE");
      const during = await withBatchItems(table);
      expect(checkpointOf(during)).toMatchObject({ chunks: k });
      const stuck = await tableSnapshot(table);
      // Nothing of the refused chunk: every item the run wrote is exactly as in the clean run.
      // Plans, lots and the plans' producer-summary tallies are seeded, and allocation moves them
      // on (a settled shortfall's refunds add to a tally), so they differ mid-way by design.
      const movedOn = ["plan", "lot", "plan-tally", "day-tally"];
      for (const item of stuck)
        if (!movedOn.includes(String(item.entity))) expect(clean).toContainEqual(item);
      expect(stuck.length).toBeLessThan(clean.length);

      throttle.stop();
      const resumed = await succeed(run("allocate-harvests", {}));
      expect(resumed).toMatchObject({ outcome: "finished", resumed: true });
      expect(await tableSnapshot(table)).toEqual(clean);
    }, 120_000);
  });
});
