import { instant, ownerId, producerId } from "@owners/domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FollowStore } from "../../ports/follow-store.ts";
import { collectPages, succeed } from "./expect-task.ts";

export interface FollowStoreSubject {
  readonly subject: FollowStore;
  cleanup(): Promise<void>;
}

const at = (minute: number) => instant(`2026-06-01T00:${String(minute).padStart(2, "0")}:00.000Z`);

/** The behaviour every FollowStore adapter must share. */
export const describeFollowStoreContract = (
  name: string,
  makeSubject: () => Promise<FollowStoreSubject>,
) => {
  describe(`FollowStore contract: ${name}`, () => {
    let harness: FollowStoreSubject;
    let store: FollowStore;
    beforeEach(async () => {
      harness = await makeSubject();
      store = harness.subject;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    const alice = ownerId("alice");
    const farm = producerId("farm");

    it("follows once, counts exactly, and unfollows once", async () => {
      expect(await succeed(store.countFor(farm))).toBe(0);
      const follow = { ownerId: alice, producerId: farm, followedAt: at(1) };
      expect(await succeed(store.follow(follow))).toBe("followed");
      expect(await succeed(store.follow({ ...follow, followedAt: at(2) }))).toBe("already");
      expect(await succeed(store.countFor(farm))).toBe(1);
      expect(await succeed(store.isFollowing(alice, farm))).toBe(true);
      expect(await succeed(store.unfollow(alice, farm))).toBe("unfollowed");
      expect(await succeed(store.unfollow(alice, farm))).toBe("not-following");
      expect(await succeed(store.countFor(farm))).toBe(0);
      expect(await succeed(store.isFollowing(alice, farm))).toBe(false);
    });

    it("keeps the count exact under concurrent follows of the same pair", async () => {
      const follow = { ownerId: alice, producerId: farm, followedAt: at(1) };
      const answers = await Promise.all([1, 2, 3, 4].map(() => store.follow(follow)()));
      expect(answers.filter((a) => a._tag === "Right" && a.right === "followed")).toHaveLength(1);
      expect(await succeed(store.countFor(farm))).toBe(1);
    });

    it("lists an owner's follows newest first and a producer's followers, page by page", async () => {
      for (let i = 0; i < 5; i += 1)
        await succeed(
          store.follow({ ownerId: alice, producerId: producerId(`p${i}`), followedAt: at(i) }),
        );
      for (let i = 0; i < 7; i += 1)
        await succeed(
          store.follow({ ownerId: ownerId(`o${i}`), producerId: farm, followedAt: at(i) }),
        );
      const mine = await collectPages((page) => store.listByOwner(alice, page), 2);
      expect(mine.items.map((f) => f.producerId)).toEqual(["p4", "p3", "p2", "p1", "p0"]);
      const followers = await collectPages((page) => store.listFollowers(farm, page), 3);
      expect(followers.items.map((f) => f.ownerId).sort()).toEqual([
        "o0",
        "o1",
        "o2",
        "o3",
        "o4",
        "o5",
        "o6",
      ]);
      expect(followers.pages).toBe(3);
      expect(await succeed(store.countFor(farm))).toBe(7);
    });
  });
};
