import type { StandardSchemaV1 } from "@standard-schema/spec";
import type { Context, ValidationTargets } from "hono";
import { validator } from "hono-openapi";
import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";
import type { ApiEnv } from "./env.ts";
import { japaneseFieldMessage } from "./field-messages.ts";
import { httpProblem, problemResponse } from "./problem.ts";

// zod/mini leaves messages to the app ("Invalid input" otherwise): the failing fields of a 400
// say what is wrong in English, as zod's full build does.
z.config(en());

type ValidationResult =
  | { readonly success: true; readonly target: string }
  | {
      readonly success: false;
      readonly error: readonly StandardSchemaV1.Issue[];
      readonly target: string;
    };

const segment = (part: PropertyKey | StandardSchemaV1.PathSegment): string =>
  String(typeof part === "object" ? part.key : part);

/**
 * Every schema failure (body, query, path, header) becomes a 400 problem naming each failing
 * field, so a client can fix its request without guessing; the reasons are in the reader's
 * language (the problem's title and detail are translated by the reader-language middleware).
 */
export const validationHook = (
  result: ValidationResult,
  c?: Context<ApiEnv>,
): Response | undefined => {
  if (result.success) return undefined;
  const japanese = c?.var.language === "ja";
  const fields = result.error.map((issue) => ({
    field: [result.target, ...(issue.path ?? []).map(segment)].join("."),
    message: japanese ? japaneseFieldMessage(issue) : issue.message,
  }));
  return problemResponse(
    httpProblem(400, "VALIDATION.INVALID", `the request ${result.target} is not valid`, fields),
  );
};

/**
 * One request part checked against its schema before the handler runs (and documented from it);
 * a failure is the 400 above. On a signed-in route it comes after `requireActor`.
 */
export const validate = <S extends StandardSchemaV1, T extends keyof ValidationTargets>(
  target: T,
  schema: S,
) => validator(target, schema, validationHook);
