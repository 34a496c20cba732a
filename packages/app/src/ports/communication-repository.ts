import type { CommentId, PlanId, PlanUpdate, UpdateComment, UpdateId } from "@owners/domain";
import type * as O from "fp-ts/lib/Option.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { Page, PageRequest } from "../pagination.ts";

/** Which updates a list returns: everything (owners and the producer) or the public ones only. */
export interface UpdateAudience {
  readonly includeOwnersOnly: boolean;
}

/** Producers' updates and the comments under them. Both are immutable once posted. */
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
  /** An update's comments oldest first (postedAt, then id). */
  listComments(updateId: UpdateId, page: PageRequest): TE.TaskEither<AppError, Page<UpdateComment>>;
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
