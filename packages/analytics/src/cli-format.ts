import type { QueryResult } from "./duckdb/open.ts";

const text = (value: unknown): string =>
  value === null || value === undefined
    ? ""
    : typeof value === "object"
      ? JSON.stringify(value)
      : String(value);

const csvField = (value: unknown): string => {
  const s = text(value);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export const toCsv = (result: QueryResult): string =>
  [result.columns, ...result.rows.map((row) => result.columns.map((c) => row[c]))]
    .map((fields) => fields.map(csvField).join(","))
    .join("\n");

export const toJson = (result: QueryResult): string => JSON.stringify(result.rows, null, 2);

/** A plain aligned table, numbers right-aligned, with the row count under it. */
export const toTable = (result: QueryResult): string => {
  const cells = result.rows.map((row) => result.columns.map((c) => text(row[c])));
  const widths = result.columns.map((c, i) =>
    Math.max(c.length, ...cells.map((r) => (r[i] ?? "").length)),
  );
  const numeric = result.columns.map((c) =>
    result.rows.every((row) => row[c] === null || typeof row[c] === "number"),
  );
  const line = (fields: readonly string[]) =>
    fields
      .map((f, i) => (numeric[i] ? f.padStart(widths[i] ?? 0) : f.padEnd(widths[i] ?? 0)))
      .join(" | ")
      .trimEnd();
  return [
    line(result.columns),
    widths.map((w) => "-".repeat(w)).join("-+-"),
    ...cells.map(line),
    `(${result.rows.length} row${result.rows.length === 1 ? "" : "s"})`,
  ].join("\n");
};
