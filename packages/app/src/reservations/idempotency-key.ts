import * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/**
 * The one Idempotency-Key rule: 1 to 128 visible ASCII characters (a UUID fits). The HTTP
 * schema documents and pre-checks it with these same values.
 */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,128}$/;
export const IDEMPOTENCY_KEY_RULE = "1 to 128 visible ASCII characters";

/** A key the rule accepts, or VALIDATION.INVALID (a required key that is missing fails too). */
export const checkIdempotencyKey = (key: string | undefined): TE.TaskEither<AppError, string> =>
  typeof key === "string" && IDEMPOTENCY_KEY_PATTERN.test(key)
    ? TE.right(key)
    : TE.left({
        _tag: "VALIDATION.INVALID",
        message: `an Idempotency-Key of ${IDEMPOTENCY_KEY_RULE} is required`,
        details: { field: "idempotencyKey" },
      });
