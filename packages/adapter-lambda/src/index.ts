export * from "./lambda-client.ts";
export * from "./provisioned-concurrency.ts";
