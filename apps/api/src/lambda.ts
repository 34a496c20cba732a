import "reflect-metadata";
import { handle } from "hono/aws-lambda";
import { createDeployedApi } from "./composition/deployed-api.ts";

/** Built once per cold start; every invocation reuses the app, its clients and its container. */
const { app } = await createDeployedApi(process.env);

/** The API Gateway HTTP API (payload v2) entry point. */
export const handler = handle(app);
