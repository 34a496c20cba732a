import type { Actor, AppError } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { Context } from "hono";
import type { ApiEnv } from "./env.ts";
import { httpProblem, problemFromError, problemResponse } from "./problem.ts";

/** The caller, or a 401 problem to return when the route needs one and none was authenticated. */
export const actorOf = (c: Context<ApiEnv>): E.Either<Response, Actor> => {
  const actor = c.get("actor");
  return actor === undefined
    ? E.left(
        problemResponse(
          httpProblem(401, "AUTH.UNAUTHENTICATED", "sign in first: send a bearer token"),
        ),
      )
    : E.right(actor);
};

/**
 * Runs a use case and answers: its value as JSON with `status`, or its error as a problem. The
 * only bridge between use cases and HTTP, so every route maps errors the same way.
 */
export const respond = async <T>(
  c: Context<ApiEnv>,
  task: TE.TaskEither<AppError, T>,
  status: 200 | 201 = 200,
  view: (value: T) => unknown = (value) => value,
): Promise<Response> => {
  const result = await task();
  if (E.isLeft(result)) return problemFor(c, result.left);
  return c.json(view(result.right) as object, status);
};

/** A use case's error as its problem response (an unavailable backend is logged, by code only). */
export const problemFor = (c: Context<ApiEnv>, error: AppError): Response => {
  const problem = problemFromError(error);
  if (problem.status >= 500) c.get("log")?.warn({ code: problem.code }, "use case unavailable");
  return problemResponse(problem);
};
