import type { CommunicationRepository, CursorCodec, Outbox } from "@owners/app";
import { appError } from "@owners/app";
import { domainError, type PlanUpdate, type UpdateComment } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { copy, deferred, deferredValue } from "./deferred.ts";
import { makeMemoryOutbox } from "./outbox.ts";
import { paginate } from "./paginate.ts";
import { makeReservationDb, prepareAppend, type ReservationDb } from "./reservation-db.ts";

/**
 * Where a hidden comment's notification and audit entry go: the memory outbox and the
 * reservation database's audit trail, so a hide is seen by the same ports as in DynamoDB.
 */
export interface CommentModerationSinks {
  readonly outbox: Outbox;
  readonly db: ReservationDb;
}

const postedKey = (item: { readonly postedAt: string; readonly id: string }) =>
  `${item.postedAt}#${item.id}`;
const ascending = <T extends { postedAt: string; id: string }>(a: T, b: T) =>
  postedKey(a) < postedKey(b) ? -1 : postedKey(a) > postedKey(b) ? 1 : 0;

/** The CommunicationRepository of the memory mode and the use-case tests. */
export const makeMemoryCommunicationRepository = (
  cursors: CursorCodec,
  sinks: CommentModerationSinks = { outbox: makeMemoryOutbox(), db: makeReservationDb() },
): CommunicationRepository => {
  const updates = new Map<string, PlanUpdate>();
  const comments = new Map<string, UpdateComment>();
  return {
    addUpdate: (update) =>
      deferred(() => {
        if (updates.has(update.id))
          return E.left(
            appError("STORE.DUPLICATE", "an update with this id exists", { updateId: update.id }),
          );
        updates.set(update.id, copy(update));
        return E.right(copy(update));
      }),
    getUpdate: (id) =>
      deferredValue(() => O.map(copy<PlanUpdate>)(O.fromNullable(updates.get(id)))),
    listUpdates: (planId, audience, page) =>
      deferred(() =>
        paginate(
          [...updates.values()]
            .filter(
              (u) =>
                u.planId === planId && (audience.includeOwnersOnly || u.visibility === "public"),
            )
            .sort(ascending)
            .reverse()
            .map(copy),
          postedKey,
          page,
          cursors,
          `updates:${planId}:${audience.includeOwnersOnly ? "all" : "public"}`,
          true,
        ),
      ),
    addComment: (comment) =>
      deferred(() => {
        if (comments.has(comment.id))
          return E.left(
            appError("STORE.DUPLICATE", "a comment with this id exists", { commentId: comment.id }),
          );
        comments.set(comment.id, copy(comment));
        return E.right(copy(comment));
      }),
    listComments: (updateId, page, audience = { includeHidden: false }) =>
      deferred(() =>
        paginate(
          [...comments.values()]
            .filter(
              (c) => c.updateId === updateId && (audience.includeHidden || c.hidden === undefined),
            )
            .sort(ascending)
            .map(copy),
          postedKey,
          page,
          cursors,
          `comments:${updateId}:${audience.includeHidden ? "all" : "listed"}`,
        ),
      ),
    getComment: (id) =>
      deferredValue(() => O.map(copy<UpdateComment>)(O.fromNullable(comments.get(id)))),
    listRecentComments: (page) =>
      deferred(() =>
        paginate(
          [...comments.values()].sort(ascending).reverse().map(copy),
          postedKey,
          page,
          cursors,
          "comments:recent",
          true,
        ),
      ),
    hideComment:
      ({ comment, message, audit }) =>
      async () => {
        // Every check first, then every write with no await between: all or nothing.
        await Promise.resolve();
        const stored = comments.get(comment.id);
        if (stored === undefined)
          return E.left(
            appError("COMMENT.NOT_FOUND", "no comment with this id", { commentId: comment.id }),
          );
        if (stored.hidden !== undefined)
          return E.left(
            domainError("COMMENT.ALREADY_HIDDEN", "the comment is hidden already", {
              commentId: comment.id,
            }),
          );
        if (comment.hidden === undefined)
          return E.left(
            domainError("COMMUNICATION.INVALID", "the comment to store is not hidden", {
              commentId: comment.id,
            }),
          );
        const append = prepareAppend(sinks.db, [], audit);
        if (E.isLeft(append)) return append;
        const hidden: UpdateComment = { ...stored, hidden: copy(comment.hidden) };
        comments.set(comment.id, hidden);
        append.right();
        // The memory outbox never fails and keeps the first message per dedupe key.
        void sinks.outbox.enqueue([message])();
        return E.right(copy(hidden));
      },
    listCommentsByAuthor: (authorId, page) =>
      deferred(() =>
        paginate(
          [...comments.values()]
            .filter((c) => c.authorId === authorId)
            .sort(ascending)
            .map(copy),
          postedKey,
          page,
          cursors,
          `comments-by:${authorId}`,
        ),
      ),
    eraseComment: (id) =>
      deferredValue(() => {
        const stored = comments.get(id);
        if (stored !== undefined) comments.set(id, { ...stored, body: "" });
      }),
  };
};
