export * from "./s3-blob-store.ts";
export * from "./s3-client.ts";
export * from "./s3-settings.ts";
