import { type AppError, appError } from "@owners/app";
import { domainError } from "@owners/domain";

/**
 * SES answers that concern this one message (its content or its address): the flush sets the
 * message aside for good and goes on with the others. MessageRejected is also SES's answer to an
 * unverified recipient while the account is in the sandbox.
 */
const MESSAGE_REFUSALS = new Set(["MessageRejected", "BadRequestException"]);

/** A thrown value as a short text for an error's `cause` detail: "Name: message" for an Error. */
export const causeOf = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/**
 * SendEmail failures as the flush understands them. A refusal of this message is a per-message
 * failure (VALIDATION.INVALID: the flush sets it aside, off the pending list for good, and goes
 * on). Everything else is NOTIFY.UNAVAILABLE, which stops the flush until a later run:
 * throttling (TooManyRequests, LimitExceeded: the sending quota), a paused or suspended account,
 * an unverified MAIL FROM domain, NotFoundException (in SES v2 it names a missing configuration
 * set or identity, not an address), 5xx, network errors and anything unknown. Those hit every
 * message alike, so trying the rest of the outbox would only fail again.
 */
export const sesFailure = (error: unknown, dedupeKey: string): AppError =>
  error instanceof Error && MESSAGE_REFUSALS.has(error.name)
    ? domainError("VALIDATION.INVALID", `SES refused the message: ${error.message}`, {
        dedupeKey,
        cause: causeOf(error),
      })
    : appError("NOTIFY.UNAVAILABLE", "SES could not send the message now", {
        dedupeKey,
        cause: causeOf(error),
      });
