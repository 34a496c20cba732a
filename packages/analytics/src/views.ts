/**
 * The `<table>_current` views: the latest exported version of each row (a table holds every
 * version the export wrote). Generated from the same table definitions as the DDL, in SQL that
 * Athena (Trino) and DuckDB both run: the columns are listed from the schema (no DuckDB-only
 * `SELECT * EXCLUDE`), so the views have exactly the table's columns, without the `rn` helper.
 * Imports no runtime dependency (like tables.ts).
 */
import type { AnalyticsTable } from "./column.ts";

/** Name of the current-state view of a table: `plans` -> `plans_current`. */
export const currentViewName = (table: Pick<AnalyticsTable, "name">): string =>
  `${table.name}_current`;

const PLAIN_NAME = /^[a-z][a-z0-9_]*$/;
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * `CREATE OR REPLACE VIEW <table>_current AS ...` (no trailing semicolon): the row with the latest
 * `exported_at` per key, every column of the table (partition keys included) in table order.
 */
export const currentViewSql = (table: AnalyticsTable): string => {
  if (!PLAIN_NAME.test(table.name)) throw new Error(`table name not plain: ${table.name}`);
  const columns = [...table.columns, ...table.partitionKeys].map((c) => c.name);
  if (table.key.length === 0) throw new Error(`${table.name}: no key`);
  for (const key of [...table.key, "exported_at"])
    if (!columns.includes(key)) throw new Error(`${table.name}: no column ${key}`);
  return [
    `CREATE OR REPLACE VIEW ${currentViewName(table)} AS`,
    "SELECT",
    columns.map((c) => `  ${ident(c)}`).join(",\n"),
    "FROM (",
    `  SELECT *, row_number() OVER (PARTITION BY ${table.key.map(ident).join(", ")} ORDER BY "exported_at" DESC) AS rn`,
    `  FROM ${table.name}`,
    ") AS versions",
    "WHERE rn = 1",
  ].join("\n");
};
