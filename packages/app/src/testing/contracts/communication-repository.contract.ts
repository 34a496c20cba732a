import { commentId, instant, ownerId, planId, updateId } from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CommunicationRepository } from "../../ports/communication-repository.ts";
import { sampleComment, sampleUpdate } from "../harvest-fixtures.ts";
import { collectPages, failWith, succeed, tamper } from "./expect-task.ts";

export interface CommunicationRepositorySubject {
  readonly subject: CommunicationRepository;
  cleanup(): Promise<void>;
}

const minute = (n: number) => instant(`2026-07-03T00:${String(n).padStart(2, "0")}:00.000Z`);

/** The behaviour every CommunicationRepository adapter must share. */
export const describeCommunicationRepositoryContract = (
  name: string,
  makeSubject: () => Promise<CommunicationRepositorySubject>,
) => {
  describe(`CommunicationRepository contract: ${name}`, () => {
    let harness: CommunicationRepositorySubject;
    let repo: CommunicationRepository;
    beforeEach(async () => {
      harness = await makeSubject();
      repo = harness.subject;
    });
    afterEach(async () => {
      await harness.cleanup();
    });
    const plan = planId("plan_1");
    const everyone = { includeOwnersOnly: true };
    const publicOnly = { includeOwnersOnly: false };

    /** Six updates, minutes 0..5, every other one for owners only, plus one of another plan. */
    const seed = async () => {
      for (let n = 0; n < 6; n++)
        await succeed(
          repo.addUpdate(
            sampleUpdate({
              id: updateId(`upd_${n}`),
              postedAt: minute(n),
              visibility: n % 2 === 0 ? "public" : "owners",
              photoKeys: n === 0 ? [] : [`photos/${n}.jpg`],
            }),
          ),
        );
      await succeed(
        repo.addUpdate(sampleUpdate({ id: updateId("upd_x"), planId: planId("plan_2") })),
      );
    };

    it("stores an update, reads it back and refuses a duplicate id", async () => {
      const update = sampleUpdate({ visibility: "owners" });
      await succeed(repo.addUpdate(update));
      expect(await succeed(repo.getUpdate(update.id))).toEqual(O.some(update));
      expect(await succeed(repo.getUpdate(updateId("upd_none")))).toEqual(O.none);
      expect((await failWith(repo.addUpdate({ ...update, body: "other" })))._tag).toBe(
        "STORE.DUPLICATE",
      );
    });

    it("lists a plan's updates newest first, owners-only ones included for owners", async () => {
      await seed();
      const { items, pages } = await collectPages((p) => repo.listUpdates(plan, everyone, p), 4);
      expect(pages).toBe(2);
      expect(items.map((u) => u.id)).toEqual([
        "upd_5",
        "upd_4",
        "upd_3",
        "upd_2",
        "upd_1",
        "upd_0",
      ]);
    });

    it("leaves owners-only updates out of the public list, with full pages", async () => {
      await seed();
      const first = await succeed(repo.listUpdates(plan, publicOnly, { limit: 2 }));
      expect(first.items.map((u) => u.id)).toEqual(["upd_4", "upd_2"]);
      const { items } = await collectPages((p) => repo.listUpdates(plan, publicOnly, p), 2);
      expect(items.map((u) => [u.id, u.visibility])).toEqual([
        ["upd_4", "public"],
        ["upd_2", "public"],
        ["upd_0", "public"],
      ]);
    });

    it("refuses a tampered cursor, and a public-list cursor on the owners' list", async () => {
      await seed();
      const first = await succeed(repo.listUpdates(plan, publicOnly, { limit: 1 }));
      const cursor = first.nextCursor as string;
      expect(
        (await failWith(repo.listUpdates(plan, publicOnly, { limit: 1, cursor: tamper(cursor) })))
          ._tag,
      ).toBe("PAGINATION.INVALID_CURSOR");
      expect((await failWith(repo.listUpdates(plan, everyone, { limit: 1, cursor })))._tag).toBe(
        "PAGINATION.INVALID_CURSOR",
      );
    });

    it("stores comments under their update, lists them oldest first and refuses duplicates", async () => {
      await seed();
      for (const n of [3, 1, 2])
        await succeed(
          repo.addComment(
            sampleComment({
              id: commentId(`cmt_${n}`),
              updateId: updateId("upd_1"),
              postedAt: minute(10 + n),
            }),
          ),
        );
      await succeed(
        repo.addComment(sampleComment({ id: commentId("cmt_9"), updateId: updateId("upd_2") })),
      );
      const { items, pages } = await collectPages(
        (p) => repo.listComments(updateId("upd_1"), p),
        2,
      );
      expect(pages).toBe(2);
      expect(items.map((c) => c.id)).toEqual(["cmt_1", "cmt_2", "cmt_3"]);
      expect(
        (
          await failWith(
            repo.addComment(sampleComment({ id: commentId("cmt_1"), updateId: updateId("upd_1") })),
          )
        )._tag,
      ).toBe("STORE.DUPLICATE");
      const page = await succeed(repo.listComments(updateId("upd_1"), { limit: 1 }));
      expect(
        (
          await failWith(
            repo.listComments(updateId("upd_2"), { limit: 1, cursor: page.nextCursor as string }),
          )
        )._tag,
      ).toBe("PAGINATION.INVALID_CURSOR");
    });

    it("lists a person's comments across updates oldest first, and blanks one on erasure", async () => {
      await seed();
      const mine = [
        sampleComment({
          id: commentId("cmt_m2"),
          updateId: updateId("upd_2"),
          postedAt: minute(20),
        }),
        sampleComment({
          id: commentId("cmt_m1"),
          updateId: updateId("upd_1"),
          postedAt: minute(15),
        }),
      ];
      for (const c of mine) await succeed(repo.addComment(c));
      await succeed(
        repo.addComment(
          sampleComment({ id: commentId("cmt_o"), authorId: ownerId("owner_2"), body: "other" }),
        ),
      );
      const { items } = await collectPages((p) => repo.listCommentsByAuthor("owner_1", p), 1);
      expect(items.map((c) => c.id)).toEqual(["cmt_m1", "cmt_m2"]);
      await succeed(repo.eraseComment(commentId("cmt_m1")));
      await succeed(repo.eraseComment(commentId("cmt_m1")));
      await succeed(repo.eraseComment(commentId("cmt_never")));
      const after = await collectPages((p) => repo.listComments(updateId("upd_1"), p), 10);
      expect(after.items.find((c) => c.id === "cmt_m1")?.body).toBe("");
      const others = await collectPages((p) => repo.listCommentsByAuthor("owner_2", p), 10);
      expect(others.items.map((c) => c.body)).toEqual(["other"]);
      expect(
        (await collectPages((p) => repo.listCommentsByAuthor("owner_9", p), 10)).items,
      ).toEqual([]);
    });
  });
};
