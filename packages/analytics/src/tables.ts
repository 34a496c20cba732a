/**
 * The analytics tables as data: what the CDK app turns into Glue tables and what the DDL files
 * are generated from. Derived from the export schemas (src/schema), which tsc checks field by
 * field against the domain types. Imports no DuckDB, no AWS SDK, no runtime dependency.
 */
import type { AnalyticsColumn, AnalyticsTable } from "./column.ts";
import { snakeCase } from "./schema/define.ts";
import { ALL_SCHEMAS, type AnyExportSchema } from "./schema/index.ts";

export type { AnalyticsColumn, AnalyticsTable, ColumnType } from "./column.ts";

/** Columns every table ends with: which export wrote the row. */
export const EXPORT_COLUMNS: readonly AnalyticsColumn[] = [
  {
    name: "exported_at",
    type: "timestamp",
    comment:
      "When the export run that wrote this row started; the latest row per key is the entity's current state.",
  },
  {
    name: "snapshot",
    type: "boolean",
    comment: "True when written by a full snapshot run, false by an incremental run.",
  },
];

export const PARTITION_KEYS: readonly AnalyticsColumn[] = [
  {
    name: "dt",
    type: "string",
    comment: "Day of the export run (YYYY-MM-DD, UTC): analytics/<entity>/dt=YYYY-MM-DD/.",
  },
];

/** The columns of one schema, in field order, then the export columns. */
export const columnsOf = (schema: AnyExportSchema): AnalyticsColumn[] => [
  ...Object.entries(schema.fields).flatMap(([field, plan]): AnalyticsColumn[] => {
    switch (plan.kind) {
      case "column":
        return [{ name: snakeCase(field), type: plan.type, comment: plan.comment }];
      case "columns":
        return plan.columns.map(({ name, type, comment }) => ({ name, type, comment }));
      case "pseudonymized":
        return [{ name: `${snakeCase(field)}_hash`, type: "string", comment: plan.comment }];
      default:
        return [];
    }
  }),
  ...EXPORT_COLUMNS,
];

export const ANALYTICS_TABLES: readonly AnalyticsTable[] = ALL_SCHEMAS.map((schema) => ({
  name: schema.table,
  entity: schema.table,
  key: schema.key,
  columns: columnsOf(schema),
  partitionKeys: PARTITION_KEYS,
  format: "parquet",
}));
