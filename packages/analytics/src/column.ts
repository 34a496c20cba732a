/** Column types as Athena/Glue and DuckDB both spell them (Parquet logical types underneath). */
export type ColumnType = "string" | "bigint" | "int" | "double" | "boolean" | "timestamp" | "date";

export interface AnalyticsColumn {
  readonly name: string;
  readonly type: ColumnType;
  /** What the column holds, and for personal data how it was handled (dropped / keyed hash). */
  readonly comment: string;
}

export interface AnalyticsTable {
  /** Table name in Athena/Glue and in `pnpm analytics` (DuckDB views). */
  readonly name: string;
  /** Folder under `analytics/`: `analytics/<entity>/dt=YYYY-MM-DD/part-*.parquet`. */
  readonly entity: string;
  /** Columns identifying one entity: the latest row (by `exported_at`) per key is its current state. */
  readonly key: readonly string[];
  readonly columns: readonly AnalyticsColumn[];
  readonly partitionKeys: readonly AnalyticsColumn[];
  readonly format: "parquet" | "jsonl-gzip";
}
