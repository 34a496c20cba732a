export * from "./cli-format.ts";
export * from "./composition.ts";
export * from "./config.ts";
export * from "./handler.ts";
