/** An OpenAPI operation, as far as this note reads and writes it. */
interface Operation {
  readonly security?: readonly unknown[];
  responses?: Record<string, unknown>;
}

type PathItems = Record<string, Record<string, Operation | undefined> | undefined>;

/** The methods whose body rejectMalformedBody checks (json-body.ts). */
const BODY_METHODS = new Set(["post", "put", "patch", "delete"]);

const UNSUPPORTED_MEDIA_TYPE = {
  description: "A body sent as another content type than application/json",
  content: {
    "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } },
  },
};

/**
 * Adds the 415 every signed-in write answers to a body not sent as JSON (rejectMalformedBody runs
 * before each route, so no route names it itself). Anonymous routes (webhooks, dev login) are
 * left as they are: the check passes them. Changes `document` in place and returns it.
 */
export const documentMediaTypeProblems = <D extends { readonly paths?: unknown }>(
  document: D,
): D => {
  for (const item of Object.values((document.paths ?? {}) as PathItems))
    for (const [method, operation] of Object.entries(item ?? {}))
      if (BODY_METHODS.has(method) && operation?.security !== undefined)
        operation.responses = { ...operation.responses, 415: UNSUPPORTED_MEDIA_TYPE };
  return document;
};
