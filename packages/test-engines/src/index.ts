export * from "./dynamodb-local.ts";
export * from "./free-port.ts";
export * from "./s3rver.ts";
