export * from "./eventbridge-scheduler.ts";
