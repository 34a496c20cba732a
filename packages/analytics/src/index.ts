// What the batch app uses: no DuckDB here (that is the CLI's and the tests', in src/duckdb).
export * from "./ddl.ts";
export * from "./defaults.ts";
export * from "./entity-schemas.ts";
export * from "./parquet.ts";
export * from "./pseudonymize.ts";
export * from "./rows.ts";
export * from "./schema/index.ts";
export * from "./sink.ts";
export * from "./sources/list-source.ts";
export * from "./sources/ports-source.ts";
export * from "./sources/segment-of.ts";
export * from "./tables.ts";
