import type { RouteConfig, RouteHandler } from "@hono/zod-openapi";
import type { ApiApp } from "../app.ts";
import type { ApiEnv } from "./env.ts";

export type RouteContext<R extends RouteConfig> = Parameters<RouteHandler<R, ApiEnv>>[0];

/**
 * Registers a documented route whose handler answers with a plain Response (use cases answer
 * through `respond`, which also writes problems). The schemas still validate every request and
 * document every response; only the typed-client return type is given up, in this one place.
 */
export const addRoute = <R extends RouteConfig>(
  app: ApiApp,
  route: R,
  handler: (c: RouteContext<R>) => Response | Promise<Response>,
): void => {
  app.openapi(route, handler as unknown as RouteHandler<R, ApiEnv>);
};
