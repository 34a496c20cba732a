import * as E from "fp-ts/lib/Either.js";
import { type DomainError, fail } from "../shared/errors.ts";

export const MAX_CANCELLATION_REASON_CHARS = 500;

/**
 * Why a plan is cancelled, in the producer's words: its owners read it in the cancellation
 * notice, so it cannot be blank, and it stays a notice's length.
 */
export const cancellationReason = (
  raw: string,
): E.Either<DomainError<"VALIDATION.INVALID">, string> => {
  const reason = raw.trim();
  const chars = [...reason].length;
  return chars >= 1 && chars <= MAX_CANCELLATION_REASON_CHARS
    ? E.right(reason)
    : fail("VALIDATION.INVALID", "a cancellation needs a reason its owners can read", {
        fields: [
          {
            field: "reason",
            message: `must be 1 to ${MAX_CANCELLATION_REASON_CHARS} characters`,
          },
        ],
      });
};
