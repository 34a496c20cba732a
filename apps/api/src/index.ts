export * from "./app.ts";
export * from "./composition/container.ts";
export * from "./composition/dynamo-wiring.ts";
export * from "./composition/use-cases.ts";
export * from "./config.ts";
export * from "./create-app.ts";
export * from "./http/auth.ts";
export * from "./server.ts";
