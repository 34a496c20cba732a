import type { Context, MiddlewareHandler } from "hono";
import { describeRoute, resolver, validator } from "hono-openapi";
import type * as z from "zod/mini";
import type { ApiApp } from "../app.ts";
import type { ApiEnv } from "./env.ts";
import { validationHook } from "./validation.ts";

type Schema = z.ZodMiniType;

interface Content {
  readonly [media: string]: { readonly schema: Schema };
}

/**
 * One documented route: where it is, what it reads (each part validated before the handler
 * runs) and what it answers. The shape of OpenAPI's operation object, with schemas for bodies.
 */
export interface RouteConfig {
  readonly method: "get" | "post" | "put" | "patch" | "delete";
  /** OpenAPI style: `/plans/{id}`. */
  readonly path: string;
  readonly tags?: string[];
  readonly summary?: string;
  readonly description?: string;
  readonly security?: Record<string, string[]>[];
  readonly request?: {
    readonly params?: Schema;
    readonly query?: Schema;
    readonly headers?: Schema;
    readonly body?: {
      readonly required?: boolean;
      readonly content: { readonly "application/json": { readonly schema: Schema } };
    };
  };
  readonly responses: Readonly<
    Record<number, { readonly description: string; readonly content?: Content }>
  >;
}

/** A route as written, its types kept for the handler's `c.req.valid(...)`. */
export const createRoute = <const R extends RouteConfig>(route: R): R => route;

type Nothing = Record<never, never>;
type Parts<R extends RouteConfig> = NonNullable<R["request"]>;
type Validated<Q> = (Q extends { params: infer S extends Schema }
  ? { param: z.output<S> }
  : Nothing) &
  (Q extends { query: infer S extends Schema } ? { query: z.output<S> } : Nothing) &
  (Q extends { headers: infer S extends Schema } ? { header: z.output<S> } : Nothing) &
  (Q extends { body: { content: { "application/json": { schema: infer S extends Schema } } } }
    ? { json: z.output<S> }
    : Nothing);

/** The handler's context: `c.req.valid("json" | "param" | "query" | "header")` typed from the route. */
export type RouteContext<R extends RouteConfig> = Context<
  ApiEnv,
  string,
  // biome-ignore lint/suspicious/noExplicitAny: Hono's Input wants the `in` side too; only `out` is read.
  { in: any; out: Validated<Parts<R>> }
>;

/** `/plans/{id}` as Hono writes it: `/plans/:id`. */
const honoPath = (path: string): string => path.replaceAll(/\{(\w+)\}/g, ":$1");

const documented = (content: Content) =>
  Object.fromEntries(
    Object.entries(content).map(([media, { schema }]) => [media, { schema: resolver(schema) }]),
  );

/**
 * Registers a route: its request parts validated (a failure is a 400 problem naming the fields),
 * its operation described for GET /openapi.json, then `handler`. Handlers answer with a plain
 * Response (use cases answer through `respond`, which also writes problems).
 */
export const addRoute = <R extends RouteConfig>(
  app: ApiApp,
  route: R,
  handler: (c: RouteContext<R>) => Response | Promise<Response>,
): void => {
  const { method, path, request, responses, ...operation } = route;
  const validators = [
    request?.params === undefined ? [] : [validator("param", request.params, validationHook)],
    request?.query === undefined ? [] : [validator("query", request.query, validationHook)],
    request?.headers === undefined ? [] : [validator("header", request.headers, validationHook)],
    request?.body === undefined
      ? []
      : [validator("json", request.body.content["application/json"].schema, validationHook)],
  ].flat();
  const body = request?.body;
  const described = describeRoute({
    ...operation,
    // The body's schema comes from its validator; whether it may be left out, from the route.
    ...(body?.required === false
      ? { requestBody: { required: false, content: documented(body.content) } }
      : {}),
    responses: Object.fromEntries(
      Object.entries(responses).map(([status, { description, content }]) => [
        status,
        content === undefined ? { description } : { description, content: documented(content) },
      ]),
    ),
  });
  // The typed overloads of `on` cannot follow a list of validators built at run time.
  const on = app.on.bind(app) as (
    method: string,
    path: string,
    ...handlers: MiddlewareHandler<ApiEnv>[]
  ) => unknown;
  on(
    method.toUpperCase(),
    honoPath(path),
    described,
    ...(validators as MiddlewareHandler<ApiEnv>[]),
    handler as unknown as MiddlewareHandler<ApiEnv>,
  );
};
