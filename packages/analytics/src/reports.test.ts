import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AnalyticsDb, openAnalyticsDb, query } from "./duckdb/open.ts";
import { reportNames, reportSql } from "./reports.ts";
import { makeListAnalyticsSource } from "./sources/list-source.ts";
import { makeExportWorld } from "./testing/export-world.ts";
import { generatePlatform } from "./testing/generate.ts";
import { MODEL_REPORTS } from "./testing/model-reports.ts";

/** Rows as comparable text: numbers (DuckDB decimals come as text) rounded, order ignored. */
const normalize = (rows: readonly Record<string, unknown>[]): string[] =>
  rows
    .map((row) =>
      JSON.stringify(
        Object.fromEntries(
          Object.entries(row)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, v]) => {
              const n = typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
              return [k, typeof n === "number" ? Math.round(n * 1e9) / 1e9 : n];
            }),
        ),
      ),
    )
    .sort();

describe.each([1, 2])(
  "saved reports over the export equal the model's figures (seed %i)",
  (seed) => {
    const data = generatePlatform({ seed });
    let db: AnalyticsDb;

    beforeAll(async () => {
      const world = makeExportWorld(makeListAnalyticsSource(() => data.records));
      await world.run();
      // Changes after the snapshot: the reports must read the latest row of each entity.
      const changed = data.records.map((r) =>
        r.entity === "ownerships" && r.value.status === "active" && r.value.shares === 2
          ? { ...r, value: { ...r.value, status: "cancelled" as const } }
          : r,
      );
      data.records.splice(0, data.records.length, ...changed);
      world.setNow("2026-03-02T00:00:00.000Z");
      await world.run();
      db = await openAnalyticsDb(world.dump());
    });
    afterAll(() => db?.close());

    it("uses thousands of rows", () => {
      expect(data.records.length).toBeGreaterThan(5_000);
    });

    it.each(reportNames())("%s", async (name) => {
      const model = MODEL_REPORTS[name];
      expect(model, `a model computation for ${name}`).toBeDefined();
      const expected = model?.(data.records) ?? [];
      expect(expected.length).toBeGreaterThan(0);
      const actual = await query(db, reportSql(name));
      expect(normalize(actual.rows)).toEqual(normalize(expected));
    });
  },
);
