import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, describe, expect, it } from "vitest";
import { openAnalyticsDb, query } from "./duckdb/open.ts";
import { ALL_SCHEMAS } from "./schema/index.ts";
import { ANALYTICS_TABLES } from "./tables.ts";
import { currentViewName, currentViewSql } from "./views.ts";

const tableNamed = (name: string) => {
  const table = ANALYTICS_TABLES.find((t) => t.name === name);
  if (table === undefined) throw new Error(`no table ${name}`);
  return table;
};

/** The PARTITION BY list of a generated view, as column names. */
const partitionOf = (sql: string) =>
  /PARTITION BY (.*?) ORDER BY "exported_at" DESC/
    .exec(sql)?.[1]
    ?.split(", ")
    .map((c) => c.replaceAll('"', ""));

describe("<table>_current views", () => {
  it.each([
    ["allocations", ["lot_id", "ownership_id"]],
    ["producers", ["producer_id"]],
    ["plans", ["id"]],
    ["ledger_entries", ["id"]],
  ])("%s partitions by %j", (name, key) => {
    const sql = currentViewSql(tableNamed(name));
    expect(sql).toMatch(new RegExp(`^CREATE OR REPLACE VIEW ${name}_current AS\\n`));
    expect(partitionOf(sql)).toEqual(key);
  });

  it.each(ALL_SCHEMAS.map((s) => [s.table, s.key] as const))(
    "%s: partitions by its schema's key, lists the table's columns, no DuckDB-only syntax",
    (name, key) => {
      const table = tableNamed(name);
      const sql = currentViewSql(table);
      expect(partitionOf(sql)).toEqual(key);
      const listed = sql
        .slice(sql.indexOf("SELECT\n") + 7, sql.indexOf("\nFROM ("))
        .split(",\n")
        .map((c) => c.trim().replaceAll('"', ""));
      expect(listed).toEqual([...table.columns, ...table.partitionKeys].map((c) => c.name));
      expect(sql).not.toMatch(/EXCLUDE|REPLACE \(/i);
    },
  );

  it("keeps the latest version of each (lot_id, ownership_id), without rn", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    try {
      await connection.run(
        `CREATE TABLE allocations AS SELECT * FROM (VALUES
          ('p1', 'l1', 'o1', 'h1', 'standard', 3, TIMESTAMP '2026-03-01 00:00:00', true, '2026-03-01'),
          ('p1', 'l1', 'o1', 'h1', 'standard', 4, TIMESTAMP '2026-03-02 00:00:00', false, '2026-03-02'),
          ('p1', 'l1', 'o2', 'h2', 'standard', 5, TIMESTAMP '2026-03-01 00:00:00', true, '2026-03-01'),
          ('p1', 'l2', 'o1', 'h1', 'offspec', 1, TIMESTAMP '2026-03-01 00:00:00', true, '2026-03-01')
        ) AS t(plan_id, lot_id, ownership_id, owner_id_hash, grade, units, exported_at, snapshot, dt)`,
      );
      await connection.run(currentViewSql(tableNamed("allocations")));
      const reader = await connection.runAndReadAll(
        "SELECT lot_id, ownership_id, units FROM allocations_current ORDER BY lot_id, ownership_id",
      );
      expect(reader.getRowObjectsJson()).toEqual([
        { lot_id: "l1", ownership_id: "o1", units: 4 },
        { lot_id: "l1", ownership_id: "o2", units: 5 },
        { lot_id: "l2", ownership_id: "o1", units: 1 },
      ]);
      const columns = (
        await connection.runAndReadAll("SELECT * FROM allocations_current LIMIT 0")
      ).columnNames();
      expect(columns).not.toContain("rn");
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});

describe("pnpm analytics's DuckDB has every <table>_current view", () => {
  const root = mkdtempSync(join(tmpdir(), "analytics-views-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("with the table's columns, also when no file exists yet", async () => {
    const db = await openAnalyticsDb(join(root, "empty"));
    try {
      for (const table of ANALYTICS_TABLES) {
        const view = await query(db, `SELECT * FROM ${currentViewName(table)}`);
        const base = await query(db, `SELECT * FROM ${table.name}`);
        expect(view.columns).toEqual(base.columns);
        expect(view.rows).toEqual([]);
      }
    } finally {
      db.close();
    }
  });

  it("when the files lack a column the schema has since gained (it reads as null)", async () => {
    const dir = join(root, "old", "analytics", "harvest_lots", "dt=2026-03-01");
    mkdirSync(dir, { recursive: true });
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    // An export from before `best_before` existed.
    await connection.run(
      `COPY (SELECT 'lot1' AS id, 'p1' AS plan_id, 10 AS quantity, 'standard' AS grade,
        DATE '2026-03-05' AS ready_on, TIMESTAMP '2026-03-01 00:00:00' AS recorded_at,
        TIMESTAMP '2026-03-01 00:00:00' AS exported_at, true AS snapshot)
       TO '${join(dir, "part-run1-0.parquet")}' (FORMAT parquet)`,
    );
    connection.closeSync();
    instance.closeSync();
    const db = await openAnalyticsDb(join(root, "old"));
    try {
      const result = await query(
        db,
        "SELECT id, quantity, best_before, dt FROM harvest_lots_current",
      );
      expect(result.rows).toEqual([
        { id: "lot1", quantity: 10, best_before: null, dt: "2026-03-01" },
      ]);
    } finally {
      db.close();
    }
  });
});
