import { parquetWriteBuffer } from "hyparquet-writer";
import type { AnalyticsColumn, ColumnType } from "./column.ts";
import type { Row } from "./rows.ts";

type SchemaElement = NonNullable<Parameters<typeof parquetWriteBuffer>[0]["schema"]>[number];

/** Parquet physical/logical type per column type (what Athena and DuckDB read back as typed). */
const PARQUET_TYPES: Record<ColumnType, Omit<SchemaElement, "name">> = {
  string: { type: "BYTE_ARRAY", converted_type: "UTF8" },
  int: { type: "INT32" },
  bigint: { type: "INT64" },
  double: { type: "DOUBLE" },
  boolean: { type: "BOOLEAN" },
  timestamp: { type: "INT64", converted_type: "TIMESTAMP_MILLIS" },
  date: { type: "INT32", converted_type: "DATE" },
};

const toDate = (value: string, column: string): Date => {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`${column}: not a date or time: ${value}`);
  return date;
};

const converter = (column: AnalyticsColumn): ((value: unknown) => unknown) => {
  switch (column.type) {
    case "bigint":
      return (v) => BigInt(v as number);
    case "timestamp":
    case "date":
      return (v) => toDate(v as string, column.name);
    default:
      return (v) => v;
  }
};

/** One Parquet file (snappy) of `rows` with exactly `columns`, every column nullable. */
export const encodeParquet = (
  columns: readonly AnalyticsColumn[],
  rows: readonly Row[],
  options: Pick<
    Parameters<typeof parquetWriteBuffer>[0],
    "codec" | "compressors" | "statistics"
  > = {},
): Uint8Array => {
  const columnData = columns.map((column) => {
    const convert = converter(column);
    return {
      name: column.name,
      data: rows.map((row) => {
        const value = row[column.name];
        return value === null || value === undefined ? null : convert(value);
      }),
    };
  });
  const schema: SchemaElement[] = [
    { name: "root", num_children: columns.length },
    ...columns.map(
      (c): SchemaElement => ({
        name: c.name,
        repetition_type: "OPTIONAL",
        ...PARQUET_TYPES[c.type],
      }),
    ),
  ];
  return new Uint8Array(
    parquetWriteBuffer({ columnData, schema, createdBy: "owners-analytics", ...options }),
  );
};
