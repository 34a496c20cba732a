import type { CommunicationRepository, CursorCodec } from "@owners/app";
import { appError } from "@owners/app";
import type { PlanUpdate, UpdateComment } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { copy, deferred, deferredValue } from "./deferred.ts";
import { paginate } from "./paginate.ts";

const postedKey = (item: { readonly postedAt: string; readonly id: string }) =>
  `${item.postedAt}#${item.id}`;
const ascending = <T extends { postedAt: string; id: string }>(a: T, b: T) =>
  postedKey(a) < postedKey(b) ? -1 : postedKey(a) > postedKey(b) ? 1 : 0;

/** The CommunicationRepository of the memory mode and the use-case tests. */
export const makeMemoryCommunicationRepository = (
  cursors: CursorCodec,
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
    listComments: (updateId, page) =>
      deferred(() =>
        paginate(
          [...comments.values()]
            .filter((c) => c.updateId === updateId)
            .sort(ascending)
            .map(copy),
          postedKey,
          page,
          cursors,
          `comments:${updateId}`,
        ),
      ),
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
