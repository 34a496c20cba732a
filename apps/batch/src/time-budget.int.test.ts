import "reflect-metadata";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createTestTable, type TestTable } from "@owners/adapter-dynamodb/test-table";
import { succeed } from "@owners/app/testing";
import type { Plan } from "@owners/domain";
import { createLogger } from "@owners/logging";
import * as O from "fp-ts/lib/Option.js";
import { afterEach, describe, expect, it } from "vitest";
import { composeBatches, makeBatchDocumentClient } from "./composition.ts";
import { readBatchConfig } from "./config.ts";
import { type LambdaContextLike, makeBatchHandler } from "./handler.ts";
import { seedHarvest } from "./testing/harvested.ts";

const opened: { table: TestTable; doc: DynamoDBDocumentClient }[] = [];
afterEach(async () => {
  for (const { table, doc } of opened.splice(0)) {
    doc.destroy();
    await table.drop();
  }
});

/** A Lambda context whose remaining time comes from `budget`, read before each chunk. */
const lambdaContext = (id: string, budget: () => number): LambdaContextLike => ({
  awsRequestId: id,
  getRemainingTimeInMillis: budget,
});

/** Every item but the batch runner's own (checkpoints and leases differ by run). */
const dataItems = async (table: TestTable) =>
  (await table.items()).filter((item) => !String(item.PK).startsWith("BATCH#"));

/** The batch app as the Lambda composes it, on a fresh table holding four harvested plans. */
const harvestedApp = async () => {
  const table = await createTestTable({ prefix: "owners-batch-test" });
  const config = readBatchConfig({
    OWNERS_STORE: "dynamodb",
    OWNERS_DYNAMODB_ENDPOINT: table.endpoint,
    OWNERS_TABLE: table.tableName,
  });
  const doc = makeBatchDocumentClient(config);
  opened.push({ table, doc });
  const seeded = await seedHarvest(doc, table.tableName, 4, { complete: true });
  const batches = composeBatches(config, { doc, ports: seeded.shared });
  const handler = makeBatchHandler(batches.runBatch, {
    safetyMarginMs: 60_000,
    leaseMs: 300_000,
    logger: createLogger({ service: "owners-batch", level: "silent" }),
  })("allocate-harvests");
  const allocated = async () => {
    let count = 0;
    for (const plan of seeded.plans) {
      const stored = await succeed(batches.ports.plans.get(plan.id));
      if (O.exists((p: Plan) => p.status === "allocated")(stored)) count += 1;
    }
    return count;
  };
  return { table, seeded, batches, handler, allocated };
};

describe("the allocate-harvests Lambda handler on a tight time budget", () => {
  it("stops at a chunk boundary, leaving its checkpoint, and a later invocation finishes", async () => {
    const reference = await harvestedApp();
    const uninterrupted = await reference.handler(
      { batch: "allocate-harvests" },
      lambdaContext("inv-ref", () => 900_000),
    );
    expect(uninterrupted).toMatchObject({ status: "finished", counts: { plansAllocated: 4 } });

    const app = await harvestedApp();
    // 90 s left before the first chunk; 45 s before the second, under the 60 s margin.
    const budget = [90_000, 45_000];
    const first = await app.handler(
      { batch: "allocate-harvests" },
      lambdaContext("inv-1", () => budget.shift() ?? 0),
    );
    expect(first).toMatchObject({ status: "paused", chunksThisInvocation: 1, chunks: 1 });
    expect(await app.allocated()).toBe(1);
    const checkpoint = await succeed(app.batches.ports.checkpoints.get("allocate-harvests", "all"));
    expect(checkpoint).toEqual(
      O.some(expect.objectContaining({ status: "running", chunks: 1, cursor: expect.any(String) })),
    );

    const starved = await app.handler(
      { batch: "allocate-harvests" },
      lambdaContext("inv-2", () => 10_000),
    );
    expect(starved).toMatchObject({ status: "paused", chunksThisInvocation: 0 });
    expect(await app.allocated()).toBe(1);

    const last = await app.handler(
      { batch: "allocate-harvests" },
      lambdaContext("inv-3", () => 900_000),
    );
    expect(last).toMatchObject({
      status: "finished",
      resumed: true,
      runId: "runId" in first ? first.runId : "",
      counts: { plansAllocated: 4 },
    });
    expect(await app.allocated()).toBe(4);
    expect(await dataItems(app.table)).toEqual(await dataItems(reference.table));
    const refunds = (world: typeof app.seeded.world) =>
      world.payments
        .checkouts()
        .filter((c) => c.refundedYen > 0)
        .map((c) => [c.request.ownershipId, c.refundedYen]);
    expect(refunds(app.seeded.world)).toEqual(refunds(reference.seeded.world));
    expect(refunds(app.seeded.world).length).toBeGreaterThan(0);
  });
});
