export * from "./eventbridge-scheduler.ts";
export * from "./scheduler-client.ts";
