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

/**
 * A body that is present must be JSON, on every route, including those that read none (publish,
 * close, batches): a client that sends `{` is broken, and a destructive route must not act on
 * its behalf. The body read here is cached, so a route's JSON validator reads it again for free.
 * Anonymous requests pass: a signed-in route answers them 401 first (`requireActor`), and the
 * public routes that take a body validate it themselves.
 */
export const rejectMalformedBody = createMiddleware<ApiEnv>(async (c, next) => {
  if (c.var.actor === undefined || c.req.method === "GET" || c.req.method === "HEAD") return next();
  const text = await c.req.text();
  if (text.trim() !== "" && !isJson(text))
    return problemResponse(
      httpProblem(400, "REQUEST.INVALID", "the request body is not valid JSON"),
    );
  return next();
});
