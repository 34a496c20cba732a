import { makeManualClock } from "@owners/adapter-local";
import { makeMemoryOutbox, makeMemoryOwnerProfileRepository } from "@owners/adapter-memory";
import { instant, ownerId } from "@owners/domain";
import { describe, expect, it } from "vitest";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { NOTIFICATION_FIXTURES } from "../testing/notification-fixtures.ts";
import { makeNotificationInboxUseCases } from "./notification-inbox.ts";
import { setNotificationPreferences } from "./notification-preferences.ts";

const owner = { id: "owner_1", role: "owner" as const };
const clock = makeManualClock("2026-08-02T00:00:00.000Z");

const world = async () => {
  const outbox = makeMemoryOutbox();
  const profiles = makeMemoryOwnerProfileRepository();
  const older = { ...NOTIFICATION_FIXTURES["reservation-confirmed"] };
  const newer = {
    ...NOTIFICATION_FIXTURES["update-posted"],
    at: instant("2026-08-01T05:00:00.000Z"),
  };
  const theirs = {
    ...NOTIFICATION_FIXTURES["update-posted"],
    recipientId: ownerId("owner_2"),
    dedupeKey: "update-posted#upd_1#owner_2",
  };
  await succeed(outbox.enqueue([older, newer, theirs]));
  return { inbox: makeNotificationInboxUseCases({ outbox, profiles, clock }), profiles };
};

describe("in-app inbox", () => {
  it("lists the owner's notifications newest first, in Japanese by default, unread", async () => {
    const { inbox } = await world();
    const page = await succeed(inbox.listMyNotifications(owner, { limit: 10 }));
    expect(page.items.map((i) => [i.kind, i.category, i.read])).toEqual([
      ["update-posted", "news", false],
      ["reservation-confirmed", "account", false],
    ]);
    expect(page.items[0]?.subject).toMatch(/^生産者からのお便り/);
    expect(page.items[0]?.link).toEqual({ label: "続きを読む", url: "/plans/pl_1" });
    expect(await succeed(inbox.countMyUnreadNotifications(owner))).toEqual({
      unread: 2,
      capped: false,
    });
  });

  it("speaks the reader's language", async () => {
    const { inbox, profiles } = await world();
    await succeed(setNotificationPreferences({ profiles, clock })(owner, {}));
    const stored = await succeed(profiles.get(ownerId("owner_1")));
    if (stored._tag === "None") throw new Error("no profile");
    await succeed(profiles.save({ ...stored.value, language: "en" }, stored.value.version));
    const page = await succeed(inbox.listMyNotifications(owner, { limit: 10 }));
    expect(page.items[0]?.subject).toMatch(/^News from/);
  });

  it("marks one read, then all; another's or a made-up id is not found or invalid", async () => {
    const { inbox } = await world();
    const [first] = (await succeed(inbox.listMyNotifications(owner, { limit: 10 }))).items;
    if (first === undefined) throw new Error("empty inbox");
    await succeed(inbox.markMyNotificationRead(owner, first.id));
    await succeed(inbox.markMyNotificationRead(owner, first.id));
    expect(await succeed(inbox.countMyUnreadNotifications(owner))).toEqual({
      unread: 1,
      capped: false,
    });
    const theirs = Buffer.from("update-posted#upd_1#owner_2").toString("base64url");
    expect((await failWith(inbox.markMyNotificationRead(owner, theirs)))._tag).toBe(
      "OUTBOX.NOT_FOUND",
    );
    expect(await failWith(inbox.markMyNotificationRead(owner, "%%%"))).toMatchObject({
      _tag: "VALIDATION.INVALID",
      details: { field: "id" },
    });
    expect(await succeed(inbox.markAllMyNotificationsRead(owner))).toEqual({ marked: 1 });
    const page = await succeed(inbox.listMyNotifications(owner, { limit: 10 }));
    expect(page.items.map((i) => i.read)).toEqual([true, true]);
    expect((await succeed(inbox.countMyUnreadNotifications(owner))).unread).toBe(0);
    // The other owner's message stays unread.
    expect(
      (await succeed(inbox.countMyUnreadNotifications({ id: "owner_2", role: "owner" }))).unread,
    ).toBe(1);
  });

  it("is for owners", async () => {
    const { inbox } = await world();
    expect(
      (await failWith(inbox.listMyNotifications({ id: "p", role: "producer" }, { limit: 5 })))._tag,
    ).toBe("AUTH.FORBIDDEN");
  });
});
