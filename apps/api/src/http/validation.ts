import type { Context } from "hono";
import type { ZodError } from "zod";
import { httpProblem, problemResponse } from "./problem.ts";

interface ValidationResult {
  readonly success: boolean;
  readonly error?: ZodError;
  readonly target: string;
}

/**
 * Every schema failure (body, query, path, header) becomes a 400 problem naming each failing
 * field, so a client can fix its request without guessing.
 */
export const validationHook = (result: ValidationResult, _c: Context): Response | undefined => {
  if (result.success || result.error === undefined) return undefined;
  const fields = result.error.issues.map((issue) => ({
    field: [result.target, ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
  return problemResponse(
    httpProblem(400, "VALIDATION.INVALID", `the request ${result.target} is not valid`, fields),
  );
};
