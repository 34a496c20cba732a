import type { AnalyticsRecord } from "@owners/app";
import { failAfter } from "@owners/app/testing";
import { afterEach, describe, expect, it } from "vitest";
import { type AnalyticsDb, openAnalyticsDb, query } from "./duckdb/open.ts";
import { makeListAnalyticsSource } from "./sources/list-source.ts";
import { makeExportWorld, shapeOf } from "./testing/export-world.ts";
import { generatePlatform } from "./testing/generate.ts";

const count = (records: readonly AnalyticsRecord[], entity: string) =>
  records.filter((r) => r.entity === entity).length;

let db: AnalyticsDb | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

describe("export-analytics", () => {
  it("writes every entity on the first run (a snapshot) under analytics/<table>/dt=<day>/", async () => {
    const data = generatePlatform({ seed: 7, producers: 3 });
    const world = makeExportWorld(makeListAnalyticsSource(() => data.records));
    const report = await world.run();
    expect(report.outcome).toBe("finished");
    expect(report.counts).toMatchObject({
      snapshot: 1,
      read: data.records.length,
      exported: data.records.length,
    });
    expect(
      world
        .parts()
        .every((k) => /^analytics\/[a-z_]+\/dt=2026-03-01\/part-.+-\d{4}\.parquet$/.test(k)),
    ).toBe(true);
    db = await openAnalyticsDb(world.dump());
    for (const table of [
      "plans",
      "ownerships",
      "ledger_entries",
      "allocations",
      "shipments",
      "bookings",
    ]) {
      const rows = await query(
        db,
        `SELECT count(*) AS n, count(DISTINCT ${table === "allocations" ? "lot_id || ownership_id" : "id"}) AS d FROM ${table}`,
      );
      expect(rows.rows[0]).toEqual({
        n: count(data.records, table),
        d: count(data.records, table),
      });
    }
    const producers = await query(db, "SELECT count(DISTINCT producer_id) AS n FROM producers");
    expect(producers.rows[0]).toEqual({ n: 3 });
  });

  it("exports only what changed since the last successful run", async () => {
    const data = generatePlatform({ seed: 8, producers: 2 });
    const world = makeExportWorld(makeListAnalyticsSource(() => data.records));
    await world.run();
    const before = world.parts();
    const index = data.records.findIndex((r) => r.entity === "plans");
    const plan = data.records[index] as Extract<AnalyticsRecord, { entity: "plans" }>;
    data.records[index] = {
      entity: "plans",
      value: { ...plan.value, title: "Renamed", version: plan.value.version + 1 },
    };
    world.setNow("2026-03-02T00:00:00.000Z");
    const second = await world.run();
    expect(second.counts).toMatchObject({
      read: data.records.length,
      exported: 1,
      plans: 1,
      producers: 1,
    });
    expect(second.counts.snapshot).toBeUndefined();
    const added = world.parts().filter((k) => !before.includes(k));
    expect(added.map((k) => k.split("/").slice(0, 3).join("/")).sort()).toEqual([
      "analytics/plans/dt=2026-03-02",
      "analytics/producers/dt=2026-03-02",
    ]);
    db = await openAnalyticsDb(world.dump());
    const latest = await query(
      db,
      `SELECT title, snapshot FROM plans WHERE id = '${plan.value.id}' ORDER BY exported_at DESC LIMIT 1`,
    );
    expect(latest.rows[0]).toEqual({ title: "Renamed", snapshot: false });
    // Nothing changed since: a third run writes nothing.
    world.setNow("2026-03-03T00:00:00.000Z");
    expect((await world.run()).counts.exported).toBe(0);
  });

  it("takes a full snapshot again once the last one is a week old", async () => {
    const data = generatePlatform({ seed: 9, producers: 1 });
    const world = makeExportWorld(makeListAnalyticsSource(() => data.records));
    await world.run();
    world.setNow("2026-03-08T00:00:00.000Z");
    const weekLater = await world.run();
    expect(weekLater.counts).toMatchObject({ snapshot: 1, exported: data.records.length });
  });

  it("resumes after a crash mid-run and ends with the same files as a clean run, nothing duplicated", async () => {
    const data = generatePlatform({ seed: 10, producers: 2 });
    const clean = makeExportWorld(
      makeListAnalyticsSource(() => data.records),
      { totalSegments: 6 },
    );
    await clean.run();

    const crashing = makeExportWorld(
      makeListAnalyticsSource(() => data.records),
      { totalSegments: 6 },
    );
    // Dies after segment 3's part files are written, before its fingerprints are saved.
    const faulty = failAfter(crashing.sink, "writeFingerprints", 3);
    await expect(crashing.run({}, faulty)).rejects.toThrow(/simulated crash in writeFingerprints/);
    const resumed = await crashing.run({}, crashing.sink);
    expect(resumed.resumed).toBe(true);
    expect(resumed.outcome).toBe("finished");
    expect(shapeOf(crashing.parts())).toEqual(shapeOf(clean.parts()));
    db = await openAnalyticsDb(crashing.dump());
    const rows = await query(
      db,
      "SELECT count(*) AS n, count(DISTINCT id) AS d FROM ledger_entries",
    );
    const entries = count(data.records, "ledger_entries");
    expect(rows.rows[0]).toEqual({ n: entries, d: entries });
  });

  it("pauses for lack of time and finishes on the next invocation", async () => {
    const data = generatePlatform({ seed: 11, producers: 1 });
    const world = makeExportWorld(
      makeListAnalyticsSource(() => data.records),
      { totalSegments: 4 },
    );
    let calls = 0;
    const first = await world.run({
      remainingTimeMs: () => (calls++ < 2 ? 120_000 : 0),
      safetyMarginMs: 60_000,
    });
    expect(first.outcome).toBe("paused");
    const second = await world.run();
    expect(second.outcome).toBe("finished");
    expect(second.counts.exported).toBe(data.records.length);
  });
});
