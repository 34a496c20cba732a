import "reflect-metadata";
import { loadSecretEnv } from "@owners/adapter-secrets-manager";
import { handle } from "hono/aws-lambda";
import { createApiFromConfig } from "./composition/container.ts";
import { readConfig } from "./config.ts";

/**
 * Built once per cold start; every invocation reuses the app, its clients and its container.
 * Secrets are read from Secrets Manager first (the stack passes only their ARNs). No /docs in
 * AWS: its Swagger UI script comes from a public CDN, on the site's origin.
 */
const app = createApiFromConfig(readConfig(await loadSecretEnv(process.env)), { docs: false });

/** The API Gateway HTTP API (payload v2) entry point. */
export const handler = handle(app);
