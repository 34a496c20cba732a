import { instant, ownerId } from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Outbox } from "../../ports/outbox.ts";
import { sampleMessage } from "../harvest-fixtures.ts";
import { collectPages, failWith, succeed } from "./expect-task.ts";

export interface OutboxSubject {
  readonly subject: Outbox;
  cleanup(): Promise<void>;
}

const second = (n: number) => instant(`2026-08-01T10:00:${String(n).padStart(2, "0")}.000Z`);
const message = (n: number, at = second(n)) =>
  sampleMessage({ id: `msg_${n}`, dedupeKey: `allocation-ready#lot_A#own_${n}`, at });

/** The behaviour every Outbox adapter must share. */
export const describeOutboxContract = (name: string, makeSubject: () => Promise<OutboxSubject>) => {
  describe(`Outbox contract: ${name}`, () => {
    let harness: OutboxSubject;
    let outbox: Outbox;
    beforeEach(async () => {
      harness = await makeSubject();
      outbox = harness.subject;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it("enqueues messages and lists the pending ones oldest first, up to the limit", async () => {
      expect(await succeed(outbox.enqueue([message(3), message(1), message(2)]))).toEqual({
        enqueued: 3,
        duplicates: 0,
      });
      expect((await succeed(outbox.listPending(2))).map((m) => m.id)).toEqual(["msg_1", "msg_2"]);
      expect(await succeed(outbox.listPending(10))).toEqual([message(1), message(2), message(3)]);
    });

    it("keeps the first message of a dedupeKey and drops repeats, even with another id", async () => {
      await succeed(outbox.enqueue([message(1)]));
      const repeat = { ...message(1), id: "msg_other", body: "again" };
      expect(await succeed(outbox.enqueue([repeat, message(2), message(2)]))).toEqual({
        enqueued: 1,
        duplicates: 2,
      });
      expect(await succeed(outbox.get(message(1).dedupeKey))).toEqual(O.some(message(1)));
      expect(await succeed(outbox.listPending(10))).toHaveLength(2);
    });

    it("marks a message delivered exactly once and takes it off the pending list for good", async () => {
      await succeed(outbox.enqueue([message(1), message(2)]));
      const at = second(30);
      expect(await succeed(outbox.markDelivered(message(1).dedupeKey, at))).toBe("marked");
      expect(await succeed(outbox.markDelivered(message(1).dedupeKey, second(31)))).toBe(
        "already-delivered",
      );
      expect(await succeed(outbox.get(message(1).dedupeKey))).toEqual(
        O.some({ ...message(1), deliveredAt: at }),
      );
      expect((await succeed(outbox.listPending(10))).map((m) => m.id)).toEqual(["msg_2"]);
      // A re-run that enqueues the delivered message again must not make it pending again.
      expect(await succeed(outbox.enqueue([message(1)]))).toEqual({ enqueued: 0, duplicates: 1 });
      expect((await succeed(outbox.listPending(10))).map((m) => m.id)).toEqual(["msg_2"]);
    });

    it("gives 'marked' to exactly one of many concurrent markers", async () => {
      await succeed(outbox.enqueue([message(1)]));
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          succeed(outbox.markDelivered(message(1).dedupeKey, second(40 + i))),
        ),
      );
      expect(outcomes.filter((o) => o === "marked")).toHaveLength(1);
      expect(outcomes.filter((o) => o === "already-delivered")).toHaveLength(9);
    });

    it("sets a refused message aside once: off the pending list for good, kept with its reason", async () => {
      await succeed(outbox.enqueue([message(1), message(2), message(3)]));
      expect(
        await succeed(outbox.setAside(message(1).dedupeKey, second(30), "AUTH.FORBIDDEN")),
      ).toBe("set-aside");
      expect(await succeed(outbox.setAside(message(1).dedupeKey, second(31), "X"))).toBe(
        "already-settled",
      );
      expect(await succeed(outbox.get(message(1).dedupeKey))).toEqual(
        O.some({ ...message(1), setAside: { at: second(30), reason: "AUTH.FORBIDDEN" } }),
      );
      expect((await succeed(outbox.listPending(10))).map((m) => m.id)).toEqual(["msg_2", "msg_3"]);
      // Neither a delivered nor a set-aside message changes state again.
      expect(await succeed(outbox.markDelivered(message(1).dedupeKey, second(32)))).toBe(
        "already-delivered",
      );
      await succeed(outbox.markDelivered(message(2).dedupeKey, second(33)));
      expect(await succeed(outbox.setAside(message(2).dedupeKey, second(34), "X"))).toBe(
        "already-settled",
      );
      expect(await succeed(outbox.enqueue([message(1)]))).toEqual({ enqueued: 0, duplicates: 1 });
      expect((await succeed(outbox.listPending(10))).map((m) => m.id)).toEqual(["msg_3"]);
      expect((await failWith(outbox.setAside("no#such#key", second(1), "X")))._tag).toBe(
        "OUTBOX.NOT_FOUND",
      );
    });

    it("refuses to mark a message that was never enqueued", async () => {
      expect((await failWith(outbox.markDelivered("no#such#key", second(1))))._tag).toBe(
        "OUTBOX.NOT_FOUND",
      );
      expect(await succeed(outbox.get("no#such#key"))).toEqual(O.none);
    });

    it("enqueues a few hundred messages in one call", async () => {
      const many = Array.from({ length: 150 }, (_, i) => message(i, second(i % 60)));
      expect(await succeed(outbox.enqueue(many))).toEqual({ enqueued: 150, duplicates: 0 });
      expect(await succeed(outbox.listPending(100))).toHaveLength(100);
    });

    it("lists a recipient's messages oldest first and erases them: blank, never sent", async () => {
      const mine = [message(3), message(1), message(2)];
      const theirs = sampleMessage({
        id: "msg_9",
        recipientId: ownerId("owner_2"),
        dedupeKey: "allocation-ready#lot_A#own_9",
      });
      await succeed(outbox.enqueue([...mine, theirs]));
      await succeed(outbox.markDelivered(message(1).dedupeKey, second(30)));
      const listed = await collectPages((p) => outbox.listByRecipient("owner_1", p), 2);
      expect(listed.items.map((m) => m.id)).toEqual(["msg_1", "msg_2", "msg_3"]);
      for (const m of listed.items) await succeed(outbox.erase(m.dedupeKey, second(40)));
      await succeed(outbox.erase("never-enqueued", second(40)));
      const erased = await collectPages((p) => outbox.listByRecipient("owner_1", p), 10);
      expect(erased.items.map((m) => [m.subject, m.body])).toEqual([
        ["", ""],
        ["", ""],
        ["", ""],
      ]);
      expect(erased.items.map((m) => m.params)).toEqual([undefined, undefined, undefined]);
      expect(erased.items[0]?.deliveredAt).toBe(second(30));
      expect(erased.items[1]?.setAside?.reason).toBe("account-closed");
      expect((await succeed(outbox.listPending(100))).map((m) => m.id)).toEqual(["msg_9"]);
    });

    it("lists a recipient's inbox newest first and marks messages read, once, for them only", async () => {
      const mine = [message(1), message(3), message(2)];
      const theirs = sampleMessage({
        id: "msg_9",
        recipientId: ownerId("owner_2"),
        dedupeKey: "allocation-ready#lot_A#own_9",
      });
      await succeed(outbox.enqueue([...mine, theirs]));
      const inbox = await collectPages((p) => outbox.listInbox("owner_1", p), 2);
      expect(inbox.items.map((m) => m.id)).toEqual(["msg_3", "msg_2", "msg_1"]);
      expect(inbox.items.every((m) => m.readAt === undefined)).toBe(true);
      await succeed(outbox.markRead("owner_1", message(2).dedupeKey, second(50)));
      await succeed(outbox.markRead("owner_1", message(2).dedupeKey, second(55)));
      for (const key of [theirs.dedupeKey, "never-enqueued"])
        expect((await failWith(outbox.markRead("owner_1", key, second(50))))._tag).toBe(
          "OUTBOX.NOT_FOUND",
        );
      const after = await collectPages((p) => outbox.listInbox("owner_1", p), 10);
      expect(after.items.map((m) => m.readAt)).toEqual([undefined, second(50), undefined]);
      const other = await collectPages((p) => outbox.listInbox("owner_2", p), 10);
      expect(other.items.map((m) => [m.id, m.readAt])).toEqual([["msg_9", undefined]]);
    });

    it("keeps a message's template params", async () => {
      await succeed(
        outbox.enqueue([sampleMessage({ params: { planTitle: "いちじく", units: 6 } })]),
      );
      const stored = await succeed(outbox.get(sampleMessage().dedupeKey));
      expect(O.toUndefined(stored)?.params).toEqual({ planTitle: "いちじく", units: 6 });
    });
  });
};
