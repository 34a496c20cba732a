import type { CursorCodec, FollowStore } from "@owners/app";
import type { Follow } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { copy, deferred, deferredValue } from "./deferred.ts";
import { paginate } from "./paginate.ts";

const key = (ownerId: string, producerId: string) => `${ownerId}\n${producerId}`;

/** The FollowStore of the memory mode and the use-case tests (dev-only). */
export const makeMemoryFollowStore = (cursors: CursorCodec): FollowStore => {
  const follows = new Map<string, Follow>();
  return {
    follow: (follow) =>
      deferredValue(() => {
        const k = key(follow.ownerId, follow.producerId);
        if (follows.has(k)) return "already" as const;
        follows.set(k, copy(follow));
        return "followed" as const;
      }),
    unfollow: (ownerId, producerId) =>
      deferredValue(() =>
        follows.delete(key(ownerId, producerId))
          ? ("unfollowed" as const)
          : ("not-following" as const),
      ),
    isFollowing: (ownerId, producerId) =>
      deferredValue(() => follows.has(key(ownerId, producerId))),
    countFor: (producerId) =>
      deferredValue(() => [...follows.values()].filter((f) => f.producerId === producerId).length),
    listByOwner: (ownerId, page) =>
      deferred(() => {
        const sortKey = (f: Follow) => `${f.followedAt}#${f.producerId}`;
        const mine = [...follows.values()]
          .filter((f) => f.ownerId === ownerId)
          .sort((a, b) => (sortKey(a) < sortKey(b) ? 1 : -1));
        return E.map((p: { items: readonly Follow[]; nextCursor?: string }) => ({
          ...p,
          items: p.items.map(copy<Follow>),
        }))(paginate(mine, sortKey, page, cursors, `follows:${ownerId}`, true));
      }),
    listFollowers: (producerId, page) =>
      deferred(() => {
        const sortKey = (f: Follow) => f.ownerId as string;
        const theirs = [...follows.values()]
          .filter((f) => f.producerId === producerId)
          .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
        return paginate(theirs, sortKey, page, cursors, `followers:${producerId}`);
      }),
  };
};
