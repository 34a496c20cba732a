import type { Actor, AppError } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { Context } from "hono";
import type { ApiEnv } from "./env.ts";
import { actorOf, problemFor, respond } from "./respond.ts";

export { problemFor };

/**
 * A route that needs a signed-in caller: 401 problem without one, otherwise the use case's
 * answer through `respond` (so authorization stays in the use case, which gets the actor).
 */
export const signedIn = <T>(
  c: Context<ApiEnv>,
  task: (actor: Actor) => TE.TaskEither<AppError, T>,
  status: 200 | 201 = 200,
  view: (value: T) => unknown = (value) => value,
): Promise<Response> | Response => {
  const actor = actorOf(c);
  return E.isLeft(actor) ? actor.left : respond(c, task(actor.right), status, view);
};

/**
 * Who reads a public page without signing in. The browsing use cases take an actor; this one has
 * no id any token can carry and the least-privileged role, so it sees what everyone sees.
 */
export const VISITOR: Actor = { id: "", role: "owner", name: "visitor" };

/** The caller, or the visitor for public reads. */
export const readerOf = (c: Context<ApiEnv>): Actor => c.get("actor") ?? VISITOR;
