import { IDEMPOTENCY_KEY_PATTERN, IDEMPOTENCY_KEY_RULE, type PageRequest } from "@owners/app";
import { resolver } from "hono-openapi";
import * as z from "zod/mini";

/**
 * Route schemas use zod/mini: the same validation core as zod, but functions instead of methods,
 * so the Lambda bundles only the checks it uses and builds each schema cheaply at cold start.
 */

/** What a schema documents besides its shape: an example value, a description. */
export type SchemaDoc = {
  readonly example?: unknown;
  readonly description?: string;
};

/** A copy of `schema` carrying OpenAPI notes (the original is left as it was). */
export const withDoc = <T extends z.ZodMiniType>(schema: T, doc: SchemaDoc): T =>
  schema.check(z.meta(doc));

/** `schema` as `#/components/schemas/<name>` in the OpenAPI document. */
export const named = <T extends z.ZodMiniType>(name: string, schema: T): T =>
  schema.check(z.meta({ ref: name }));

/** Ids this API issues: prefix, underscore, base32 (ULID-style); also the dev-login subjects. */
export const ID_PATTERN = /^[A-Za-z0-9_.:@-]{1,128}$/;

export const Id = z.string().check(z.regex(ID_PATTERN, "must be an id this API issued"));

/** `{ id }` path params. */
/** For routes that take no query parameters: an unknown one is a 400, not silently ignored. */
export const NoQuery = z.strictObject({});

export const IdParam = z.object({
  id: withDoc(Id, { example: "plan_01JD3V6Q0W9Z6F7C8N2K4M5P6R" }),
});

export const Instant = withDoc(z.iso.datetime({ offset: true }), {
  example: "2026-06-01T00:00:00.000Z",
});
export const LocalDate = withDoc(z.iso.date(), { example: "2026-08-01" });
export const Int = z.int();
export const Yen = z.int().check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER));
export const Count = (max = 1_000_000_000) => z.int().check(z.gte(1), z.lte(max));
/** Text of `min` to `max` characters. */
export const Text = (min: number, max: number) =>
  z.string().check(z.minLength(min), z.maxLength(max));

/** `?limit=&cursor=`: at most 100 a page, a cursor from the previous page. */
export const pageQueryShape = {
  limit: z.optional(
    withDoc(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), { example: 20 }),
  ),
  cursor: z.optional(Text(1, 2048)),
};
export const PageQuery = z.strictObject(pageQueryShape);

export const pageOf = (query: {
  limit?: number | undefined;
  cursor?: string | undefined;
}): PageRequest =>
  query.cursor === undefined
    ? { limit: query.limit ?? 20 }
    : { limit: query.limit ?? 20, cursor: query.cursor };

/** A page of `item`: the items and, unless this is the last page, the cursor of the next. */
export const PageOf = <T extends z.ZodMiniType>(item: T, name: string) =>
  named(name, z.object({ items: z.array(item), nextCursor: z.optional(z.string()) }));

/** Idempotency-Key: the use cases' own rule (a UUID fits), checked here too for a 400 naming the header. */
export const IdempotencyKey = withDoc(
  z.string().check(z.regex(IDEMPOTENCY_KEY_PATTERN, `must be ${IDEMPOTENCY_KEY_RULE}`)),
  { example: "3b1f0c1e-7f7e-4a5e-9a57-1f2d3c4b5a69" },
);

export const RequiredIdempotencyHeader = z.object({ "idempotency-key": IdempotencyKey });

export const OptionalIdempotencyHeader = z.object({
  "idempotency-key": z.optional(IdempotencyKey),
});

export const ProblemSchema = named(
  "Problem",
  z.object({
    type: z.string(),
    title: z.string(),
    status: Int,
    code: withDoc(z.string(), { example: "PLAN.SOLD_OUT" }),
    detail: z.optional(z.string()),
    fields: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
  }),
);

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: resolver(ProblemSchema) } },
});

/** The failure responses a route documents, by status. */
export const problems = (...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 429 | 503)[]) => {
  const text: Record<number, string> = {
    400: "Invalid request (problem+json naming the failing fields)",
    401: "No valid bearer token",
    403: "Not allowed for this caller",
    404: "No such resource (or not visible to this caller)",
    409: "Conflicts with the current state",
    413: "Request body too large",
    429: "Too many requests from this caller; retry later",
    503: "A backing service is unavailable; retry",
  };
  return Object.fromEntries(statuses.map((s) => [s, problem(text[s] ?? "Problem")]));
};

/** A JSON answer for `describeRoute`'s responses. */
export const jsonResponse = <T extends z.ZodMiniType>(description: string, schema: T) => ({
  description,
  content: { "application/json": { schema: resolver(schema) } },
});

export const BEARER = [{ bearer: [] }];
