import * as E from "fp-ts/lib/Either.js";
import { type DomainError, fail } from "../shared/errors.ts";
import { type Instant, isInstant } from "../shared/time.ts";
import type { UpdateComment } from "./communication.ts";

/** An admin's decision to take a comment out of sight: why, who, when. */
export interface CommentHiding {
  readonly reason: string;
  /** The admin's id. */
  readonly by: string;
  readonly at: Instant;
}

/** A reason is shown to the author: long enough to say why, short enough for a notification. */
export const MAX_HIDE_REASON_CHARS = 500;

/**
 * Hides a comment: kept (the audit and the author's export still name it) but out of every list
 * except the admins'. Hiding twice is refused, so the author is told once.
 */
export const hideComment = (
  comment: UpdateComment,
  hiding: CommentHiding,
): E.Either<DomainError<"COMMENT.ALREADY_HIDDEN" | "COMMUNICATION.INVALID">, UpdateComment> => {
  if (comment.hidden !== undefined)
    return fail("COMMENT.ALREADY_HIDDEN", "the comment is hidden already", {
      commentId: comment.id,
      hiddenAt: comment.hidden.at,
    });
  const reason = typeof hiding.reason === "string" ? hiding.reason.trim() : "";
  if (reason === "")
    return fail("COMMUNICATION.INVALID", "a reason must be given", { field: "reason" });
  const chars = [...reason].length;
  if (chars > MAX_HIDE_REASON_CHARS)
    return fail(
      "COMMUNICATION.INVALID",
      `reason is longer than ${MAX_HIDE_REASON_CHARS} characters`,
      {
        field: "reason",
        max: MAX_HIDE_REASON_CHARS,
        actual: chars,
      },
    );
  if (!isInstant(hiding.at))
    return fail("COMMUNICATION.INVALID", "at must be an ISO 8601 UTC instant", { field: "at" });
  return E.right({ ...comment, hidden: { reason, by: hiding.by, at: hiding.at } });
};

/** Whether a reader sees a comment in a list: hidden ones only for admins. */
export const isCommentListed = (
  comment: Pick<UpdateComment, "hidden">,
  readerIsAdmin: boolean,
): boolean => readerIsAdmin || comment.hidden === undefined;
