import type { Actor } from "@owners/app";
import { createMiddleware } from "hono/factory";
import { httpProblem, problemResponse } from "./problem.ts";

/**
 * A route that needs a signed-in caller puts this first, before any validator: an anonymous
 * caller gets 401 whatever it sends, and is never told which of its fields were wrong. After it,
 * `c.var.actor` is the caller (authorization itself is the use case's).
 */
export const requireActor = createMiddleware<{ Variables: { actor: Actor } }>(async (c, next) => {
  // The auth middleware sets the actor only for a valid token; the type says what holds after this.
  if ((c.var.actor as Actor | undefined) === undefined)
    return problemResponse(
      httpProblem(401, "AUTH.UNAUTHENTICATED", "sign in first: send a bearer token"),
    );
  await next();
});
