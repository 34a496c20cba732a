import { z } from "@hono/zod-openapi";
import type { PageRequest } from "@owners/app";

/** Ids this API issues: prefix, underscore, base32 (ULID-style); also the dev-login subjects. */
export const ID_PATTERN = /^[A-Za-z0-9_.:@-]{1,128}$/;

export const Id = z.string().regex(ID_PATTERN, "must be an id this API issued");

/** `{ id }` path params. */
export const IdParam = z.object({
  id: Id.openapi({ param: { name: "id", in: "path" }, example: "plan_01JD3V6Q0W9Z6F7C8N2K4M5P6R" }),
});

export const Instant = z.iso
  .datetime({ offset: true })
  .openapi({ example: "2026-06-01T00:00:00.000Z" });
export const LocalDate = z.iso.date().openapi({ example: "2026-08-01" });
export const Yen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const Count = (max = 1_000_000_000) => z.number().int().min(1).max(max);

/** `?limit=&cursor=`: at most 100 a page, a cursor from the previous page. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).optional().openapi({ example: 20 }),
  cursor: z.string().min(1).max(2048).optional(),
});

export const pageOf = (query: {
  limit?: number | undefined;
  cursor?: string | undefined;
}): PageRequest =>
  query.cursor === undefined
    ? { limit: query.limit ?? 20 }
    : { limit: query.limit ?? 20, cursor: query.cursor };

/** A page of `item`: the items and, unless this is the last page, the cursor of the next. */
export const PageOf = <T extends z.ZodType>(item: T, name: string) =>
  z.object({ items: z.array(item), nextCursor: z.string().optional() }).openapi(name);

/** Idempotency-Key: 1 to 128 visible ASCII characters (a UUID fits). */
export const IdempotencyKey = z
  .string()
  .regex(/^[\x21-\x7e]{1,128}$/, "must be 1 to 128 visible ASCII characters")
  .openapi({ example: "3b1f0c1e-7f7e-4a5e-9a57-1f2d3c4b5a69" });

export const RequiredIdempotencyHeader = z.object({
  "idempotency-key": IdempotencyKey.openapi({
    param: { in: "header", required: true },
  }),
});

export const OptionalIdempotencyHeader = z.object({
  "idempotency-key": IdempotencyKey.optional().openapi({
    param: { in: "header", required: false },
  }),
});

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().openapi({ example: "PLAN.SOLD_OUT" }),
    detail: z.string().optional(),
    fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .openapi("Problem");

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ProblemSchema } },
});

/** The failure responses a route documents, by status. */
export const problems = (...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 503)[]) => {
  const text: Record<number, string> = {
    400: "Invalid request (problem+json naming the failing fields)",
    401: "No valid bearer token",
    403: "Not allowed for this caller",
    404: "No such resource (or not visible to this caller)",
    409: "Conflicts with the current state",
    413: "Request body too large",
    503: "A backing service is unavailable; retry",
  };
  return Object.fromEntries(statuses.map((s) => [s, problem(text[s] ?? "Problem")]));
};

/** Every JSON body route: a JSON body that must match `schema` exactly. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

export const jsonResponse = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { "application/json": { schema } },
});

export const BEARER = [{ bearer: [] }];
