import { makeDynamoAnalyticsSource } from "@owners/adapter-dynamodb";
import { createTestTable } from "@owners/adapter-dynamodb/test-table";
import type { AnalyticsRecord } from "@owners/app";
import { failAfter } from "@owners/app/testing";
import { type RunningDynamoDbLocal, startDynamoDbLocal } from "@owners/test-engines";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAnalyticsDb, query } from "./duckdb/open.ts";
import { putRecords } from "./testing/dynamo-table.ts";
import { makeExportWorld, shapeOf } from "./testing/export-world.ts";
import { generatePlatform } from "./testing/generate.ts";

let dynamo: RunningDynamoDbLocal;
beforeAll(async () => {
  dynamo = await startDynamoDbLocal({});
});
afterAll(async () => {
  await dynamo?.stop();
});

describe("export-analytics on DynamoDB Local (parallel Scan)", () => {
  it("exports the table, then only a changed item; a crashed run resumes to the same files", async () => {
    const data = generatePlatform({ seed: 21, producers: 3 });
    const ctx = await createTestTable({ endpoint: dynamo.endpoint, prefix: "analytics-int" });
    await putRecords(ctx, data.records);
    const source = makeDynamoAnalyticsSource(ctx);

    const world = makeExportWorld(source, { totalSegments: 4, segmentsPerChunk: 2 });
    const first = await world.run();
    expect(first.counts).toMatchObject({
      snapshot: 1,
      read: data.records.length,
      exported: data.records.length,
    });

    // One ownership cancelled, stored through the adapters' mapper like any write.
    const index = data.records.findIndex(
      (r) => r.entity === "ownerships" && r.value.status === "active",
    );
    const ownership = data.records[index] as Extract<AnalyticsRecord, { entity: "ownerships" }>;
    const cancelled: AnalyticsRecord = {
      entity: "ownerships",
      value: { ...ownership.value, status: "cancelled", version: ownership.value.version + 1 },
    };
    await putRecords(ctx, [cancelled]);
    world.setNow("2026-03-02T00:00:00.000Z");
    const second = await world.run();
    expect(second.counts).toMatchObject({ read: data.records.length, exported: 1, ownerships: 1 });

    const db = await openAnalyticsDb(world.dump());
    try {
      const rows = await query(
        db,
        `SELECT status, dt FROM ownerships WHERE id = '${ownership.value.id}' ORDER BY exported_at`,
      );
      expect(rows.rows).toEqual([
        { status: "active", dt: "2026-03-01" },
        { status: "cancelled", dt: "2026-03-02" },
      ]);
    } finally {
      db.close();
    }

    // A snapshot that dies after writing half its segments' files, then resumes.
    const crashing = makeExportWorld(source, { totalSegments: 4, segmentsPerChunk: 1 });
    const faulty = failAfter(crashing.sink, "writeFingerprints", 2);
    await expect(crashing.run({}, faulty)).rejects.toThrow(/simulated crash in writeFingerprints/);
    const resumed = await crashing.run();
    expect(resumed).toMatchObject({ resumed: true, outcome: "finished" });
    const clean = makeExportWorld(source, { totalSegments: 4 });
    await clean.run();
    expect(shapeOf(crashing.parts())).toEqual(shapeOf(clean.parts()));
    const again = await openAnalyticsDb(crashing.dump());
    try {
      const counts = await query(
        again,
        "SELECT count(*) AS n, count(DISTINCT id) AS d FROM ownerships",
      );
      const n = data.records.filter((r) => r.entity === "ownerships").length;
      expect(counts.rows[0]).toEqual({ n, d: n });
    } finally {
      again.close();
    }
    ctx.doc.destroy();
  });
});
