import { makeManualClock } from "@owners/adapter-local";
import { type MemoryNotifier, makeMemoryNotifier, makeMemoryOutbox } from "@owners/adapter-memory";
import { instant, ownerId } from "@owners/domain";
import * as TE from "fp-ts/lib/TaskEither.js";
import { beforeEach, describe, expect, it } from "vitest";
import { appError } from "../errors.ts";
import type { Notifier } from "../ports/notifier.ts";
import type { Outbox } from "../ports/outbox.ts";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { failAfter } from "../testing/fail-after.ts";
import { sampleMessage } from "../testing/harvest-fixtures.ts";
import { SYSTEM } from "../testing/harvest-world.ts";
import { flushNotifications } from "./flush-notifications.ts";

const message = (n: number) =>
  sampleMessage({
    id: `msg_${n}`,
    dedupeKey: `update-posted#upd_1#owner_${n}`,
    recipientId: ownerId(`owner_${n}`),
    at: instant(`2026-08-01T10:00:0${n}.000Z`),
  });

describe("flushNotifications", () => {
  let outbox: Outbox;
  let notifier: MemoryNotifier;
  const clock = makeManualClock("2026-08-01T11:00:00.000Z");
  const deps = () => ({ outbox, notifier, clock });
  beforeEach(async () => {
    outbox = makeMemoryOutbox();
    notifier = makeMemoryNotifier();
    await succeed(outbox.enqueue([1, 2, 3, 4, 5].map(message)));
  });

  it("delivers every pending message once, oldest first, and marks it", async () => {
    const report = await succeed(flushNotifications(deps())(SYSTEM));
    expect(report).toEqual({
      delivered: 5,
      alreadyDelivered: 0,
      failed: [],
      unsubscribed: 0,
      channelDown: false,
    });
    expect(notifier.delivered().map((m) => m.id)).toEqual([
      "msg_1",
      "msg_2",
      "msg_3",
      "msg_4",
      "msg_5",
    ]);
    expect(await succeed(outbox.listPending(100))).toEqual([]);
    const again = await succeed(flushNotifications(deps())(SYSTEM));
    expect(again.delivered).toBe(0);
    expect(notifier.attempts()).toBe(5);
  });

  it("redelivers after a crash between delivery and marking; a deduping notifier sends once", async () => {
    const crashing = { ...deps(), outbox: failAfter(outbox, "markDelivered", 2) };
    expect((await failWith(flushNotifications(crashing)(SYSTEM)))._tag).toBe("STORE.UNAVAILABLE");
    const report = await succeed(flushNotifications(deps())(SYSTEM));
    expect(report.delivered).toBe(3);
    expect(notifier.delivered().map((m) => m.dedupeKey)).toEqual(
      [1, 2, 3, 4, 5].map((n) => message(n).dedupeKey),
    );
    expect(await succeed(outbox.listPending(100))).toEqual([]);
  });

  it("marks each message once when two flushes race", async () => {
    const [a, b] = await Promise.all([
      succeed(flushNotifications(deps())(SYSTEM)),
      succeed(flushNotifications(deps())(SYSTEM)),
    ]);
    expect((a?.delivered ?? 0) + (b?.delivered ?? 0)).toBe(5);
    expect(notifier.delivered()).toHaveLength(5);
  });

  it("stops when the channel is down and leaves everything pending", async () => {
    notifier.setAvailable(false);
    expect(await succeed(flushNotifications(deps())(SYSTEM))).toEqual({
      delivered: 0,
      alreadyDelivered: 0,
      failed: [],
      unsubscribed: 0,
      channelDown: true,
    });
    expect(await succeed(outbox.listPending(100))).toHaveLength(5);
  });

  it("sets aside a message the notifier refuses, with its reason, and delivers the rest", async () => {
    const picky: Notifier = {
      deliver: (m) =>
        m.id === "msg_2"
          ? TE.left(appError("AUTH.FORBIDDEN", "recipient unsubscribed"))
          : notifier.deliver(m),
    };
    const report = await succeed(flushNotifications({ ...deps(), notifier: picky })(SYSTEM));
    expect(report).toMatchObject({
      delivered: 4,
      failed: [{ dedupeKey: message(2).dedupeKey, error: "AUTH.FORBIDDEN" }],
    });
    expect(await succeed(outbox.listPending(100))).toEqual([]);
    const kept = await succeed(outbox.get(message(2).dedupeKey));
    expect(kept._tag === "Some" && kept.value.setAside).toEqual({
      at: clock.now(),
      reason: "AUTH.FORBIDDEN",
    });
    // A later run does not try it again.
    expect(
      (await succeed(flushNotifications({ ...deps(), notifier: picky })(SYSTEM))).failed,
    ).toEqual([]);
  });

  it("is not blocked by more refusals than a page holds at the head of the list", async () => {
    const refused = Array.from({ length: 120 }, (_, i) =>
      sampleMessage({
        id: `bad_${i}`,
        dedupeKey: `update-posted#upd_0#nobody_${i}`,
        recipientId: ownerId(`nobody_${i}`),
        at: instant("2026-08-01T09:00:00.000Z"),
      }),
    );
    await succeed(outbox.enqueue(refused));
    const picky: Notifier = {
      deliver: (m) =>
        m.id.startsWith("bad_")
          ? TE.left(appError("AUTH.FORBIDDEN", "no verified address"))
          : notifier.deliver(m),
    };
    const flush = () =>
      succeed(flushNotifications({ ...deps(), notifier: picky })(SYSTEM, { maxMessages: 100 }));
    await flush();
    const second = await flush();
    expect(second.delivered).toBe(5);
    expect(notifier.delivered().map((m) => m.id)).toEqual([
      "msg_1",
      "msg_2",
      "msg_3",
      "msg_4",
      "msg_5",
    ]);
  });

  it("delivers at most maxMessages in a run", async () => {
    expect((await succeed(flushNotifications(deps())(SYSTEM, { maxMessages: 3 }))).delivered).toBe(
      3,
    );
    expect(await succeed(outbox.listPending(100))).toHaveLength(2);
  });

  it("is for the platform's batches only", async () => {
    expect((await failWith(flushNotifications(deps())({ id: "alice", role: "owner" })))._tag).toBe(
      "AUTH.FORBIDDEN",
    );
  });
});
