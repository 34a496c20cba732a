import { SchedulerClient, type SchedulerClientConfig } from "@aws-sdk/client-scheduler";

/**
 * An EventBridge Scheduler client from plain settings, for callers that load this package on
 * demand (the API's Lambda, on its first schedule) without importing the SDK themselves.
 */
export const makeSchedulerClient = (config: SchedulerClientConfig): SchedulerClient =>
  new SchedulerClient(config);
