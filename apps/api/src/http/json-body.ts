import { createMiddleware } from "hono/factory";
import type { ApiEnv } from "./env.ts";
import { httpProblem, problemResponse } from "./problem.ts";

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** application/json, or a JSON-based type such as application/merge-patch+json. */
const JSON_MEDIA_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/**
 * A body that is present must be JSON, sent as JSON (a JSON text labelled text/plain would reach
 * the validators as an empty object, and a route whose fields are all optional would act on it),
 * on every route, including those that read none (publish,
 * close, batches): a client that sends `{` is broken, and a destructive route must not act on
 * its behalf. The body read here is cached, so a route's JSON validator reads it again for free.
 * Anonymous requests pass: a signed-in route answers them 401 first (`requireActor`), and the
 * public routes that take a body validate it themselves.
 */
export const rejectMalformedBody = createMiddleware<ApiEnv>(async (c, next) => {
  if (c.var.actor === undefined || c.req.method === "GET" || c.req.method === "HEAD") return next();
  const text = await c.req.text();
  if (text.trim() === "") return next();
  if (!isJson(text))
    return problemResponse(
      httpProblem(400, "REQUEST.INVALID", "the request body is not valid JSON"),
    );
  if (!JSON_MEDIA_TYPE.test(c.req.header("content-type") ?? ""))
    return problemResponse(
      httpProblem(
        415,
        "REQUEST.INVALID",
        "the request body must be sent as content-type application/json",
      ),
    );
  return next();
});
