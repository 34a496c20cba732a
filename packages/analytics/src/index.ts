export * from "./schema/index.ts";
export * from "./tables.ts";
