import {
  auditEntry,
  type CommentId,
  commentHiddenMessage,
  hideComment as hide,
  type UpdateComment,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireAdmin } from "../access.ts";
import type { Actor } from "../actor.ts";
import { auditHead } from "../audit-records.ts";
import { type AppError, appError } from "../errors.ts";
import { fromDomain } from "../harvest/from-domain.ts";
import type { Clock } from "../ports/clock.ts";
import type { CommunicationRepository } from "../ports/communication-repository.ts";
import type { IdGenerator } from "../ports/id-generator.ts";

export interface HideCommentDeps {
  readonly communication: CommunicationRepository;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export interface HideCommentInput {
  readonly commentId: CommentId;
  readonly reason: string;
}

const notFound = (id: CommentId) =>
  appError("COMMENT.NOT_FOUND", "no comment with this id", { commentId: id });

/**
 * POST /admin/comments/{id}/hide: an admin takes a comment out of sight with a reason. The
 * comment, the author's notification and the audit entry (naming the plan, found through the
 * update) are one write, so the author is told exactly when it is hidden.
 */
export const hideComment =
  (deps: HideCommentDeps) =>
  (actor: Actor, input: HideCommentInput): TE.TaskEither<AppError, UpdateComment> =>
    pipe(
      requireAdmin(actor),
      TE.chain(() => deps.communication.getComment(input.commentId)),
      TE.chain(
        O.match(() => TE.left<AppError, UpdateComment>(notFound(input.commentId)), TE.right),
      ),
      TE.bindTo("stored"),
      // One instant for the hiding, the author's message and the audit entry.
      TE.bind("at", () => TE.right(deps.clock.now())),
      TE.bind("update", ({ stored }) => deps.communication.getUpdate(stored.updateId)),
      TE.bind("hidden", ({ stored, at }) =>
        fromDomain(hide(stored, { reason: input.reason, by: actor.id, at })),
      ),
      TE.chain(({ stored, update, hidden, at }) => {
        const planId = O.isSome(update) ? update.value.planId : undefined;
        return deps.communication.hideComment({
          comment: hidden,
          message: commentHiddenMessage({
            id: deps.ids.deterministic("msg", "comment-hidden", stored.id),
            recipientId: stored.authorId,
            at,
            comment: stored,
            reason: hidden.hidden?.reason ?? input.reason,
          }),
          audit: [
            auditEntry({
              ...auditHead(deps.ids, actor, at, stored.id, "comment.hidden"),
              action: "comment.hidden",
              subject: { type: "comment", id: stored.id },
              planId,
              before: { hidden: false },
              after: { hidden: true, reason: hidden.hidden?.reason },
            }),
          ],
        });
      }),
    );
