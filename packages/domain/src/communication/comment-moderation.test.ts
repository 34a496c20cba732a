import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { commentId, ownerId, updateId } from "../shared/ids.ts";
import { instant } from "../shared/time.ts";
import { hideComment, isCommentListed, MAX_HIDE_REASON_CHARS } from "./comment-moderation.ts";
import type { UpdateComment } from "./communication.ts";
import { commentHiddenMessage } from "./outbox.ts";

const comment: UpdateComment = {
  id: commentId("cmt-1"),
  updateId: updateId("u-1"),
  authorId: ownerId("owner-1"),
  body: "買わないと損です！ http://spam.example",
  postedAt: instant("2026-06-01T09:00:00.000Z"),
};
const at = instant("2026-06-02T10:00:00.000Z");
const tagOf = <L extends { _tag: string }, R>(result: E.Either<L, R>) =>
  E.isLeft(result) ? result.left._tag : "ok";

describe("hideComment", () => {
  it("keeps the comment and records why, by whom and when (reason trimmed)", () => {
    const hidden = hideComment(comment, { reason: "  spam  ", by: "root", at });
    expect(hidden).toEqual(E.right({ ...comment, hidden: { reason: "spam", by: "root", at } }));
  });

  it("refuses a second hiding, so the author is told once", () => {
    const once = hideComment(comment, { reason: "spam", by: "root", at });
    if (E.isLeft(once)) throw new Error("first hide failed");
    expect(tagOf(hideComment(once.right, { reason: "again", by: "root2", at }))).toBe(
      "COMMENT.ALREADY_HIDDEN",
    );
  });

  it("needs a reason of at most the maximum length, and a valid instant", () => {
    expect(tagOf(hideComment(comment, { reason: "   ", by: "root", at }))).toBe(
      "COMMUNICATION.INVALID",
    );
    const long = "理".repeat(MAX_HIDE_REASON_CHARS + 1);
    const refused = hideComment(comment, { reason: long, by: "root", at });
    expect(E.isLeft(refused) && refused.left.details).toMatchObject({ field: "reason" });
    expect(
      tagOf(hideComment(comment, { reason: "理".repeat(MAX_HIDE_REASON_CHARS), by: "r", at })),
    ).toBe("ok");
    expect(
      tagOf(hideComment(comment, { reason: "spam", by: "root", at: "yesterday" as never })),
    ).toBe("COMMUNICATION.INVALID");
  });

  it("lists a comment for everyone while visible and for admins only once hidden", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.string({ minLength: 1 }), (admin, reason) => {
        const result = hideComment(comment, { reason: `r${reason}`, by: "root", at });
        if (E.isLeft(result)) return;
        expect(isCommentListed(comment, admin)).toBe(true);
        expect(isCommentListed(result.right, admin)).toBe(admin);
      }),
    );
  });
});

describe("commentHiddenMessage", () => {
  it("tells the author which comment and why, once per comment", () => {
    const message = commentHiddenMessage({
      id: "msg-1",
      recipientId: ownerId("owner-1"),
      at,
      comment,
      reason: "spam",
    });
    expect(message.recipientId).toBe("owner-1");
    expect(message.kind).toBe("comment-hidden");
    expect(message.body).toContain("spam");
    expect(message.body).toContain(comment.body);
    expect(message.dedupeKey).toBe("comment-hidden#cmt-1");
  });
});
