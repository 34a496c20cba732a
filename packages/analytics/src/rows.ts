import { z } from "zod";
import type { AnalyticsColumn, ColumnType } from "./column.ts";
import type { CellValue } from "./schema/define.ts";
import { snakeCase } from "./schema/define.ts";
import type { AnyExportSchema } from "./schema/index.ts";
import { columnsOf } from "./tables.ts";

/** One exported row: column name to value (null when absent). */
export type Row = Readonly<Record<string, CellValue>>;

export interface RowContext {
  readonly exportedAt: string;
  readonly snapshot: boolean;
  readonly pseudonymize: (value: string) => string;
}

const cell = (value: unknown): CellValue =>
  value === undefined || value === null ? null : (value as CellValue);

/** The row of one entity: every field as its schema says (exported, computed, hashed, dropped). */
export const rowOf = (schema: AnyExportSchema, entity: unknown, ctx: RowContext): Row => {
  const source = entity as Record<string, unknown>;
  const row: Record<string, CellValue> = {};
  for (const [field, plan] of Object.entries(schema.fields)) {
    switch (plan.kind) {
      case "column":
        row[snakeCase(field)] = cell(source[field]);
        break;
      case "pseudonymized": {
        const value = source[field];
        row[`${snakeCase(field)}_hash`] =
          value === undefined || value === null ? null : ctx.pseudonymize(String(value));
        break;
      }
      case "columns":
        for (const derived of plan.columns) {
          const value = cell(derived.value(entity));
          row[derived.name] =
            derived.pseudonymize && value !== null ? ctx.pseudonymize(String(value)) : value;
        }
        break;
      case "dropped":
        break;
    }
  }
  row.exported_at = ctx.exportedAt;
  row.snapshot = ctx.snapshot;
  return row;
};

const cellSchema = (type: ColumnType): z.ZodType => {
  switch (type) {
    case "string":
      return z.string();
    case "int":
      return z
        .number()
        .int()
        .min(-(2 ** 31))
        .max(2 ** 31 - 1);
    case "bigint":
      return z.number().int();
    case "double":
      return z.number();
    case "boolean":
      return z.boolean();
    case "timestamp":
      return z.iso.datetime();
    case "date":
      return z.iso.date();
  }
};

/** What a row of the table must look like (tests check every generated row against it). */
export const rowSchemaOf = (columns: readonly AnalyticsColumn[]) =>
  z.strictObject(Object.fromEntries(columns.map((c) => [c.name, cellSchema(c.type).nullable()])));

/** The zod row schema of an export schema's table. */
export const rowSchemaOfExport = (schema: AnyExportSchema) => rowSchemaOf(columnsOf(schema));
