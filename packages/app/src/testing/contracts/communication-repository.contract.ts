import {
  auditEntry,
  auditEntryId,
  commentHiddenMessage,
  commentId,
  instant,
  ownerId,
  planId,
  type UpdateComment,
  updateId,
} from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CommunicationRepository } from "../../ports/communication-repository.ts";
import type { AuditLog } from "../../ports/ledger-repository.ts";
import type { Outbox } from "../../ports/outbox.ts";
import { sampleComment, sampleUpdate } from "../harvest-fixtures.ts";
import { collectPages, failWith, succeed, tamper } from "./expect-task.ts";

export interface CommunicationRepositorySubject {
  readonly subject: CommunicationRepository;
  /** Where a hidden comment's notification and audit entry are written (same store). */
  readonly outbox: Outbox;
  readonly audit: AuditLog;
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

    const hideAt = instant("2026-07-04T00:00:00.000Z");
    const hiding = (comment: UpdateComment, reason = "spam") => ({
      comment: { ...comment, hidden: { reason, by: "root", at: hideAt } },
      message: commentHiddenMessage({
        id: `msg_${comment.id}`,
        recipientId: comment.authorId,
        at: hideAt,
        comment,
        reason,
      }),
      audit: [
        auditEntry({
          id: auditEntryId(`aud_${comment.id}`),
          at: hideAt,
          actor: { id: "root", role: "admin" },
          action: "comment.hidden",
          subject: { type: "comment", id: comment.id },
          planId: plan,
          after: { hidden: true, reason },
        }),
      ],
    });

    /** Three comments on upd_1 (minutes 11..13) by owner_1, owner_2, owner_3. */
    const seedComments = async () => {
      await seed();
      const comments = [1, 2, 3].map((n) =>
        sampleComment({
          id: commentId(`cmt_${n}`),
          updateId: updateId("upd_1"),
          authorId: ownerId(`owner_${n}`),
          postedAt: minute(10 + n),
        }),
      );
      for (const c of comments) await succeed(repo.addComment(c));
      return comments;
    };

    it("hides a comment with its notification and audit entry in one write", async () => {
      const [, second] = await seedComments();
      if (second === undefined) throw new Error("seed");
      const command = hiding(second);
      const hidden = await succeed(repo.hideComment(command));
      expect(hidden).toEqual(command.comment);
      expect(await succeed(repo.getComment(second.id))).toEqual(O.some(command.comment));
      const pending = await succeed(harness.outbox.listPending(100));
      expect(pending.map((m) => [m.recipientId, m.kind, m.dedupeKey])).toEqual([
        ["owner_2", "comment-hidden", "comment-hidden#cmt_2"],
      ]);
      expect(await succeed(harness.audit.listBySubject("comment", second.id))).toEqual(
        command.audit,
      );
    });

    it("leaves hidden comments out of the list unless the audience includes them", async () => {
      const [first, second] = await seedComments();
      if (first === undefined || second === undefined) throw new Error("seed");
      await succeed(repo.hideComment(hiding(second)));
      const listed = await collectPages((p) => repo.listComments(updateId("upd_1"), p), 1);
      expect(listed.items.map((c) => c.id)).toEqual(["cmt_1", "cmt_3"]);
      const all = await collectPages(
        (p) => repo.listComments(updateId("upd_1"), p, { includeHidden: true }),
        2,
      );
      expect(all.items.map((c) => [c.id, c.hidden?.reason])).toEqual([
        ["cmt_1", undefined],
        ["cmt_2", "spam"],
        ["cmt_3", undefined],
      ]);
    });

    it("refuses to hide a missing comment or one hidden already, writing nothing", async () => {
      const [first] = await seedComments();
      if (first === undefined) throw new Error("seed");
      expect(
        (await failWith(repo.hideComment(hiding({ ...first, id: commentId("cmt_none") }))))._tag,
      ).toBe("COMMENT.NOT_FOUND");
      await succeed(repo.hideComment(hiding(first)));
      const again = hiding(first, "second reason");
      expect(
        (
          await failWith(
            repo.hideComment({
              ...again,
              message: { ...again.message, dedupeKey: "other-key" },
              audit: again.audit.map((e) => ({ ...e, id: auditEntryId("aud_other") })),
            }),
          )
        )._tag,
      ).toBe("COMMENT.ALREADY_HIDDEN");
      expect(await succeed(repo.getComment(first.id))).toEqual(O.some(hiding(first).comment));
      expect((await succeed(harness.outbox.listPending(100))).length).toBe(1);
      expect((await succeed(harness.audit.listBySubject("comment", first.id))).length).toBe(1);
      expect(await succeed(repo.getComment(commentId("cmt_none")))).toEqual(O.none);
    });

    it("lists every update's comments newest first, hidden ones included", async () => {
      const [, second] = await seedComments();
      if (second === undefined) throw new Error("seed");
      await succeed(
        repo.addComment(
          sampleComment({
            id: commentId("cmt_x"),
            updateId: updateId("upd_2"),
            postedAt: minute(20),
          }),
        ),
      );
      await succeed(repo.hideComment(hiding(second)));
      const { items, pages } = await collectPages((p) => repo.listRecentComments(p), 3);
      expect(pages).toBe(2);
      expect(items.map((c) => [c.id, c.hidden !== undefined])).toEqual([
        ["cmt_x", false],
        ["cmt_3", false],
        ["cmt_2", true],
        ["cmt_1", false],
      ]);
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
