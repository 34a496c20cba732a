export * from "./errors.ts";
export * from "./harvest.ts";
export * from "./ids.ts";
export * from "./money.ts";
export * from "./ownership.ts";
export * from "./plan.ts";
export * from "./time.ts";
