import type { Context, Hono, MiddlewareHandler, Next } from "hono";
import type { ApiEnv } from "./env.ts";

/** A route group (one sub-app of routes/), built by importing its module on first use. */
export type LoadGroup = () => Promise<Hono<ApiEnv>>;

/** Each group's routes as `METHOD /path` (Hono's patterns), in the order the group adds them. */
export type RouteManifest = Readonly<Record<string, readonly string[]>>;

type Handler = MiddlewareHandler<ApiEnv>;

/**
 * Loads every group once (the first caller starts the import, the others wait for it); a failed
 * import is forgotten, so the next request tries again instead of failing forever.
 */
export const loadOnce = (load: LoadGroup): LoadGroup => {
  let loading: Promise<Hono<ApiEnv>> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
};

/**
 * Runs a group's handlers of one route on the parent's context, as Hono would had the group been
 * mounted: each gets the next one as `next`, the last the parent's `next` (so a route that falls
 * through reaches the routes registered after it). The route index is left alone, so
 * `c.req.param()` and `c.req.routePath` are the placeholder's, whose pattern is the same.
 */
const runChain = async (handlers: readonly Handler[], c: Context<ApiEnv>, next: Next) => {
  const dispatch = async (i: number): Promise<void> => {
    const handler = handlers[i];
    if (handler === undefined) return next();
    const res = await handler(c, () => dispatch(i + 1));
    if (res instanceof Response && !c.finalized) c.res = res;
  };
  await dispatch(0);
  return c.res;
};

/** `METHOD /path` → the method Hono's `on` takes and the pattern. */
const splitRoute = (route: string): [string, string] => {
  const at = route.indexOf(" ");
  return [route.slice(0, at), route.slice(at + 1)];
};

/**
 * Mounts each group lazily: one placeholder per route of the manifest, registered in the
 * manifest's order (the order the groups were mounted eagerly, so matching is unchanged). The
 * first request reaching a placeholder imports the group's module and builds its sub-app; its
 * handlers for that route then run on the request. A cold start reads only the groups it serves.
 * Returns each group's loader (loading once), for what needs them all (the OpenAPI document).
 */
export const mountLazyGroups = <G extends string>(
  app: Hono<ApiEnv>,
  groups: Readonly<Record<G, LoadGroup>>,
  manifest: RouteManifest,
): Record<G, LoadGroup> => {
  const loaders = {} as Record<G, LoadGroup>;
  for (const [name, load] of Object.entries(groups) as [G, LoadGroup][]) {
    const routes = manifest[name];
    if (routes === undefined)
      throw new Error(
        `route group ${name} is not in the manifest: run pnpm --filter @owners/api routes:manifest`,
      );
    const loaded = loadOnce(load);
    loaders[name] = loaded;
    for (const route of routes) {
      const [method, path] = splitRoute(route);
      let chain: readonly Handler[] | undefined;
      app.on(method, path, async (c, next) => {
        chain ??= handlersOf(await loaded(), method, path);
        return runChain(chain, c, next);
      });
    }
  }
  return loaders;
};

/** The handlers a group added for exactly this method and pattern, in order. */
const handlersOf = (group: Hono<ApiEnv>, method: string, path: string): Handler[] =>
  group.routes
    .filter((r) => r.method === method && r.path === path)
    .map((r) => r.handler as Handler);

/** A group's routes as the manifest lists them (first appearance of each method and pattern). */
export const manifestOf = (group: Hono<ApiEnv>): string[] => [
  ...new Set(group.routes.map((r) => `${r.method} ${r.path}`)),
];
