import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import type { ColumnType } from "../column.ts";
import { ANALYTICS_TABLES } from "../tables.ts";
import { currentViewSql } from "../views.ts";

const DUCKDB_TYPES: Record<ColumnType, string> = {
  string: "VARCHAR",
  int: "INTEGER",
  bigint: "BIGINT",
  double: "DOUBLE",
  boolean: "BOOLEAN",
  timestamp: "TIMESTAMP",
  date: "DATE",
};

/** A part file as the sink names it, stored as is or by s3rver (`<name>._S3rver_object`). */
const PART_FILE = /^part-.*\.parquet(\._S3rver_object)?$/;

const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The part files of one table under `root` (a folder holding `analytics/<table>/dt=*`). */
export const partFiles = (root: string, table: string): string[] => {
  const dir = join(root, "analytics", table);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name.startsWith("dt="))
    .flatMap((d) =>
      readdirSync(join(dir, d.name))
        .filter((name) => PART_FILE.test(name))
        .map((name) => join(dir, d.name, name)),
    )
    .sort();
};

export interface AnalyticsDb {
  readonly connection: DuckDBConnection;
  /** Files found per table. */
  readonly files: Readonly<Record<string, number>>;
  close(): void;
}

/**
 * DuckDB in memory with one view per analytics table, named as in Athena, over the Parquet files
 * under `root` (dt from the folder name, a string like Athena's partition key). A table with no
 * file yet is an empty view with its columns, so every query and report still runs. Each table
 * also gets its `<table>_current` view (the latest row per key), generated like Athena's.
 */
export const openAnalyticsDb = async (root: string): Promise<AnalyticsDb> => {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const files: Record<string, number> = {};
  for (const table of ANALYTICS_TABLES) {
    const parts = partFiles(root, table.entity);
    files[table.name] = parts.length;
    // The schema's columns (order and types) as an empty typed row set; the files, if any, are
    // added by name, so a column no file has yet (a field added since the last export) reads as
    // null, as in Athena, and the `<table>_current` view, which lists every column, still opens.
    const typed = [...table.columns, ...table.partitionKeys]
      .map((c) => `CAST(NULL AS ${DUCKDB_TYPES[c.type]}) AS "${c.name}"`)
      .join(", ");
    const fromFiles =
      parts.length === 0
        ? ""
        : ` UNION ALL BY NAME SELECT * FROM read_parquet([${parts.map(sqlString).join(", ")}], hive_partitioning = true, hive_types = {'dt': VARCHAR}, union_by_name = true)`;
    await connection.run(`CREATE VIEW "${table.name}" AS SELECT ${typed} WHERE false${fromFiles}`);
  }
  // After every table: the latest version of each row, the same views as Athena's (ddl/*_current.sql).
  for (const table of ANALYTICS_TABLES) await connection.run(currentViewSql(table));
  return {
    connection,
    files,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
};

export interface QueryResult {
  readonly columns: readonly string[];
  readonly rows: readonly Record<string, unknown>[];
}

const INTEGER_TYPES = new Set(["BIGINT", "HUGEINT", "UBIGINT"]);

/** Runs one SQL text; values JSON-friendly (64/128-bit integers as numbers when safe, times as text). */
export const query = async (db: AnalyticsDb, sql: string): Promise<QueryResult> => {
  const reader = await db.connection.runAndReadAll(sql);
  const columns = reader.columnNames();
  const integer = reader.columnTypes().map((t) => INTEGER_TYPES.has(String(t)));
  const rows = reader.getRowObjectsJson().map((row) =>
    Object.fromEntries(
      columns.map((c, i) => {
        const value = row[c];
        const n = typeof value === "string" && integer[i] ? Number(value) : Number.NaN;
        return [c, Number.isSafeInteger(n) ? n : value];
      }),
    ),
  );
  return { columns, rows };
};
