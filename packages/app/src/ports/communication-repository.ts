import type {
  AuditEntry,
  CommentId,
  OutboxMessage,
  PlanId,
  PlanUpdate,
  UpdateComment,
  UpdateId,
} from "@owners/domain";
import type * as O from "fp-ts/lib/Option.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { Page, PageRequest } from "../pagination.ts";

/** Which updates a list returns: everything (owners and the producer) or the public ones only. */
export interface UpdateAudience {
  readonly includeOwnersOnly: boolean;
}

/** Which comments a list returns: hidden ones only for admins (moderation). */
export interface CommentAudience {
  readonly includeHidden: boolean;
}

/** An admin hides a comment; the author is told and the act audited, all in one write. */
export interface HideCommentCommand {
  /** The comment as it becomes (its `hidden` set). */
  readonly comment: UpdateComment;
  /** The author's notification. */
  readonly message: OutboxMessage;
  readonly audit: readonly AuditEntry[];
}

/**
 * Producers' updates and the comments under them. Updates are immutable once posted; a comment
 * changes once, when an admin hides it.
 */
export interface CommunicationRepository {
  /** Stores a new update; STORE.DUPLICATE if its id is taken. */
  addUpdate(update: PlanUpdate): TE.TaskEither<AppError, PlanUpdate>;
  /** The update, or none. */
  getUpdate(id: UpdateId): TE.TaskEither<AppError, O.Option<PlanUpdate>>;
  /**
   * A plan's updates newest first (postedAt, then id); owners-only ones are left out unless the
   * audience includes them, so a page is never thinned after the read.
   */
  listUpdates(
    planId: PlanId,
    audience: UpdateAudience,
    page: PageRequest,
  ): TE.TaskEither<AppError, Page<PlanUpdate>>;
  /** Stores a new comment under its update; STORE.DUPLICATE if its id is taken. */
  addComment(comment: UpdateComment): TE.TaskEither<AppError, UpdateComment>;
  /**
   * An update's comments oldest first (postedAt, then id); hidden ones are left out unless the
   * audience includes them (the default leaves them out).
   */
  listComments(
    updateId: UpdateId,
    page: PageRequest,
    audience?: CommentAudience,
  ): TE.TaskEither<AppError, Page<UpdateComment>>;
  /** The comment (hidden or not), or none. */
  getComment(id: CommentId): TE.TaskEither<AppError, O.Option<UpdateComment>>;
  /** Every comment on every update, newest first (postedAt, then id), hidden ones included. */
  listRecentComments(page: PageRequest): TE.TaskEither<AppError, Page<UpdateComment>>;
  /**
   * In one atomic write: the stored comment, not hidden yet, becomes `command.comment`'s hidden
   * state (COMMENT.NOT_FOUND without it, COMMENT.ALREADY_HIDDEN if hidden meanwhile), the message
   * is enqueued in the outbox and the audit entries are appended. Returns the hidden comment.
   */
  hideComment(command: HideCommentCommand): TE.TaskEither<AppError, UpdateComment>;
  /** A person's comments across updates, oldest first (postedAt, then id). */
  listCommentsByAuthor(
    authorId: string,
    page: PageRequest,
  ): TE.TaskEither<AppError, Page<UpdateComment>>;
  /**
   * Blanks a comment's body (its author closed the account): it stays in its thread, erased, so
   * replies keep their place. Succeeds when it is already blank or gone.
   */
  eraseComment(id: CommentId): TE.TaskEither<AppError, void>;
}
