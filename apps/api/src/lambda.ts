import "reflect-metadata";
import { handle } from "hono/aws-lambda";
import { createApiFromConfig } from "./composition/container.ts";
import { readConfig } from "./config.ts";

/**
 * Built once per cold start; every invocation reuses the app, its clients and its container.
 * No /docs in AWS: its Swagger UI script comes from a public CDN, on the site's origin.
 */
const app = createApiFromConfig(readConfig(), { docs: false });

/** The API Gateway HTTP API (payload v2) entry point. */
export const handler = handle(app);
