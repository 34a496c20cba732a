import "reflect-metadata";
import { handle } from "hono/aws-lambda";
import { createDeployedApi } from "./composition/deployed-api.ts";

/** Built once per cold start; every invocation reuses the app, its clients and its container. */
const { app, logsWritten } = await createDeployedApi(process.env);
const answer = handle(app);

/**
 * The API Gateway HTTP API (payload v2) entry point. It answers once the request's log lines are
 * written: the logger loads in the background at a cold start (see deferredLogger).
 */
export const handler = async (...args: Parameters<typeof answer>) => {
  const result = await answer(...args);
  await logsWritten();
  return result;
};
