import type { ColumnType } from "../column.ts";

/** A value as it lands in a row: the column's JS value, or null when the field is absent. */
export type CellValue = string | number | boolean | null;

/** Column types a field of JS type V may be exported as. */
export type ColumnTypeFor<V> = [NonNullable<V>] extends [number]
  ? "bigint" | "int" | "double"
  : [NonNullable<V>] extends [boolean]
    ? "boolean"
    : [NonNullable<V>] extends [string]
      ? "string" | "timestamp" | "date"
      : never;

/** A column computed from the entity (flattened nested fields, counts, JSON of a list). */
export interface DerivedColumn<T> {
  readonly name: string;
  readonly type: ColumnType;
  readonly comment: string;
  readonly value: (entity: T) => CellValue | undefined;
  /** Personal data: the row builder replaces the value by its keyed hash (HMAC-SHA256). */
  readonly pseudonymize?: true;
}

/**
 * What the export does with one field of a domain entity. Every field must say (see EntityPlan):
 * a field added to a domain type fails `pnpm typecheck` until its export schema decides.
 */
export type FieldPlan<V, T> =
  /** Exported as is, in a column named after the field (snake_case). */
  | { readonly kind: "column"; readonly type: ColumnTypeFor<V>; readonly comment: string }
  /** Exported as one or more computed columns (nested objects, lists). */
  | { readonly kind: "columns"; readonly columns: readonly DerivedColumn<T>[] }
  /** Personal data or an id that reveals it: a `<field>_hash` column with its keyed hash. */
  | { readonly kind: "pseudonymized"; readonly comment: string }
  /** Not exported; `pii` says whether because it is personal data. */
  | { readonly kind: "dropped"; readonly reason: string; readonly pii: boolean };

/** One plan per field of T, optional fields included; unknown keys are rejected by tsc too. */
export type EntityPlan<T> = { readonly [K in keyof T]-?: FieldPlan<T[K], T> };

/** How one entity becomes one analytics table. */
export interface ExportSchema<T> {
  /** Athena table name, and the folder under analytics/. */
  readonly table: string;
  readonly description: string;
  /** Columns identifying one entity: the latest exported row per key is its current state. */
  readonly key: readonly string[];
  readonly fields: EntityPlan<T>;
}

/** The plan builders, typed for one entity T (so `value` callbacks know their argument). */
export const fieldsOf = <T>() => ({
  column: <C extends ColumnType>(type: C, comment: string) =>
    ({ kind: "column", type, comment }) as const,
  columns: (...list: DerivedColumn<T>[]) => ({ kind: "columns", columns: list }) as const,
  pseudonymized: (comment: string) => ({ kind: "pseudonymized", comment }) as const,
  dropped: (reason: string) => ({ kind: "dropped", reason, pii: false }) as const,
  droppedPii: (reason: string) => ({ kind: "dropped", reason, pii: true }) as const,
});

/** `sharesSold` -> `shares_sold`. */
export const snakeCase = (name: string): string =>
  name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
