export * from "./levels.ts";
export * from "./logger.ts";
export * from "./personal-data.ts";
