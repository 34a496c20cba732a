import type { AppError } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { Context } from "hono";
import type { ApiEnv } from "./env.ts";
import { problemFromError, problemResponse } from "./problem.ts";

/**
 * Runs a use case and answers: its value as JSON with `status`, or its error as a problem. The
 * only bridge between use cases and HTTP, so every route maps errors the same way.
 */
export const respond = async <T, E extends ApiEnv>(
  // biome-ignore lint/suspicious/noExplicitAny: any route's validated input; only json() and the log are used.
  c: Context<E, string, any>,
  task: TE.TaskEither<AppError, T>,
  status: 200 | 201 = 200,
  view: (value: T) => unknown = (value) => value,
): Promise<Response> => {
  const result = await task();
  if (E.isLeft(result)) return problemFor(c, result.left);
  return c.json(view(result.right) as object, status);
};

/**
 * A use case's error as its problem response. An unavailable backend is logged whole (code,
 * message, details with the SDK's cause): the response carries none of it.
 */
export const problemFor = <E extends ApiEnv>(
  // biome-ignore lint/suspicious/noExplicitAny: any route's context; only the log is used.
  c: Context<E, string, any>,
  error: AppError,
): Response => {
  const problem = problemFromError(error, c.get("requestId"));
  if (problem.status >= 500)
    c.get("log")?.error(
      { code: error._tag, message: error.message, details: error.details },
      "use case unavailable",
    );
  return problemResponse(problem);
};
