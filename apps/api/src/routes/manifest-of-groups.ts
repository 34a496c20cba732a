import type { Hono } from "hono";
import type { UseCases } from "../composition/use-cases.ts";
import { routeGroups } from "../create-app.ts";
import type { ApiEnv } from "../http/env.ts";
import { manifestOf } from "../http/lazy-groups.ts";

/** Use cases that are never called: building a group only registers its handlers. */
const unused = new Proxy({} as UseCases, { get: () => ({}) });

/**
 * Every group's routes, read from the groups themselves (each built with every option on, so
 * routes that exist only with dev login or /docs are listed; they answer 404 where switched off).
 */
export const manifestOfGroups = async (): Promise<Record<string, string[]>> => {
  const groups = routeGroups(
    unused,
    async () => undefined,
    { enabled: true, secret: "manifest", issuer: "manifest" },
    true,
    async () => {
      throw new Error("the manifest never serves the document");
    },
  );
  const manifest: Record<string, string[]> = {};
  for (const [name, load] of Object.entries<() => Promise<Hono<ApiEnv>>>(groups))
    manifest[name] = manifestOf(await load());
  return manifest;
};
