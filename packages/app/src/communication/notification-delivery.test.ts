import { makeManualClock } from "@owners/adapter-local";
import {
  type MemoryNotifier,
  makeMemoryNotifier,
  makeMemoryOutbox,
  makeMemoryOwnerProfileRepository,
} from "@owners/adapter-memory";
import { ownerId } from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { beforeEach, describe, expect, it } from "vitest";
import { getMyProfile, notificationChoices } from "../people/get-my-profile.ts";
import { updateMyProfile } from "../people/update-my-profile.ts";
import type { Outbox } from "../ports/outbox.ts";
import type { OwnerProfileRepository } from "../ports/owner-profile-repository.ts";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { SYSTEM } from "../testing/harvest-world.ts";
import { NOTIFICATION_FIXTURES } from "../testing/notification-fixtures.ts";
import { flushNotifications } from "./flush-notifications.ts";
import type { NotificationLinkConfig } from "./notification-links.ts";
import {
  getNotificationPreferences,
  setNotificationPreferences,
  unsubscribe,
} from "./notification-preferences.ts";
import { personalizeNotification } from "./personalize-notification.ts";
import { makeUnsubscribeTokens } from "./unsubscribe-token.ts";

const SECRET = "a-test-secret-of-32-characters!!";
const tokens = makeUnsubscribeTokens(SECRET);
const links: NotificationLinkConfig = {
  siteUrl: "https://owners.example.jp",
  apiUrl: "https://owners.example.jp/api",
  tokens,
  unsubscribeMailbox: "unsubscribe@owners.example.jp",
};

describe("unsubscribe tokens", () => {
  it("verify what they signed, for that recipient and category only", () => {
    const token = tokens.sign("owner_1", "news");
    expect(tokens.verify(token)).toEqual(O.some({ recipientId: "owner_1", category: "news" }));
    const [who, , mac] = token.split(".");
    expect(tokens.verify([who, "season", mac].join("."))).toEqual(O.none);
    const other = Buffer.from("owner_2").toString("base64url");
    expect(tokens.verify([other, "news", mac].join("."))).toEqual(O.none);
    expect(makeUnsubscribeTokens("another-secret-of-some-length").verify(token)).toEqual(O.none);
    for (const bad of ["", "x", "a.b.c.d", `${who}.account.${mac}`, `${token}x`])
      expect(tokens.verify(bad)).toEqual(O.none);
  });
});

describe("the flush renders for the recipient and respects its choices", () => {
  let outbox: Outbox;
  let notifier: MemoryNotifier;
  let profiles: OwnerProfileRepository;
  const clock = makeManualClock("2026-08-01T11:00:00.000Z");
  const owner = ownerId("owner_1");
  const flush = () =>
    flushNotifications({
      outbox,
      notifier,
      clock,
      personalize: personalizeNotification({ profiles, links }),
    })(SYSTEM);
  const prefs = () => ({ profiles, clock });

  beforeEach(() => {
    outbox = makeMemoryOutbox();
    notifier = makeMemoryNotifier();
    profiles = makeMemoryOwnerProfileRepository();
  });

  it("sends Japanese by default, HTML and text, with one-click unsubscribe on news", async () => {
    await succeed(outbox.enqueue([NOTIFICATION_FIXTURES["update-posted"]]));
    await succeed(flush());
    const [sent] = notifier.delivered();
    expect(sent?.subject).toMatch(/^生産者からのお便り/);
    expect(sent?.body).toContain("続きを読む: https://owners.example.jp/plans/pl_1");
    expect(sent?.html).toContain('href="https://owners.example.jp/plans/pl_1"');
    const token = tokens.sign(owner, "news");
    expect(sent?.unsubscribe).toEqual({
      url: `https://owners.example.jp/api/unsubscribe?token=${token}`,
      mailto: `mailto:unsubscribe@owners.example.jp?subject=unsubscribe%20${token}`,
    });
    expect(sent?.html).toContain(`https://owners.example.jp/unsubscribe?token=${token}`);
  });

  it("sends English to an owner who chose it; account mail has no unsubscribe", async () => {
    await succeed(setNotificationPreferences(prefs())({ id: owner, role: "owner" }, {}));
    const stored = O.toUndefined(await succeed(profiles.get(owner)));
    if (stored === undefined) throw new Error("no profile");
    await succeed(profiles.save({ ...stored, language: "en" }, stored.version));
    await succeed(outbox.enqueue([NOTIFICATION_FIXTURES["reservation-confirmed"]]));
    await succeed(flush());
    const [sent] = notifier.delivered();
    expect(sent?.subject).toMatch(/^Your reservation is confirmed/);
    expect(sent?.unsubscribe).toBeUndefined();
    expect(sent?.html).not.toContain("unsubscribe");
  });

  it("sets aside a message of a category the recipient turned off, still sends account mail", async () => {
    const token = tokens.sign(owner, "news");
    expect(await succeed(unsubscribe({ ...prefs(), tokens })(token))).toEqual({
      category: "news",
    });
    // A provider retrying the one-click POST gets the same answer.
    await succeed(unsubscribe({ ...prefs(), tokens })(token));
    await succeed(
      outbox.enqueue([
        NOTIFICATION_FIXTURES["update-posted"],
        NOTIFICATION_FIXTURES["reservation-confirmed"],
      ]),
    );
    const report = await succeed(flush());
    expect(report).toMatchObject({ delivered: 1, unsubscribed: 1 });
    expect(notifier.delivered().map((m) => m.kind)).toEqual(["reservation-confirmed"]);
    const skipped = O.toUndefined(
      await succeed(outbox.get(NOTIFICATION_FIXTURES["update-posted"].dedupeKey)),
    );
    expect(skipped?.setAside?.reason).toBe("unsubscribed");
    expect(await succeed(outbox.listPending(10))).toEqual([]);
  });

  it("refuses a bad token (VALIDATION.INVALID naming the token) and changes nothing", async () => {
    const error = await failWith(unsubscribe({ ...prefs(), tokens })("not-a-token"));
    expect(error).toMatchObject({ _tag: "VALIDATION.INVALID", details: { field: "token" } });
    expect(await succeed(profiles.get(owner))).toEqual(O.none);
  });
});

describe("notification preferences", () => {
  const clock = makeManualClock("2026-08-01T11:00:00.000Z");
  const actor = { id: "owner_1", role: "owner" as const };

  it("are all on at first, change one at a time, and account stays on", async () => {
    const deps = { profiles: makeMemoryOwnerProfileRepository(), clock };
    expect(await succeed(getNotificationPreferences(deps)(actor))).toEqual({
      account: true,
      season: true,
      news: true,
      experiences: true,
    });
    await succeed(setNotificationPreferences(deps)(actor, { season: false }));
    expect(
      await succeed(setNotificationPreferences(deps)(actor, { news: false, account: true })),
    ).toEqual({ account: true, season: false, news: false, experiences: true });
    expect(
      await failWith(setNotificationPreferences(deps)(actor, { account: false })),
    ).toMatchObject({ _tag: "VALIDATION.INVALID", details: { field: "account" } });
    expect(await failWith(setNotificationPreferences(deps)(actor, { spam: false }))).toMatchObject({
      _tag: "VALIDATION.INVALID",
      details: { unknown: ["spam"] },
    });
    // The profile's other choices are untouched.
    const stored = O.toUndefined(await succeed(deps.profiles.get(ownerId("owner_1"))));
    expect(stored?.notifications).toEqual({ season: false, news: false });
  });

  it("survive the profile form, which sends back the profile's own choices", async () => {
    const deps = { profiles: makeMemoryOwnerProfileRepository(), clock };
    await succeed(setNotificationPreferences(deps)(actor, { news: false }));
    const profile = await succeed(getMyProfile(deps)(actor));
    const choices = notificationChoices(profile);
    expect(choices).not.toHaveProperty("news");
    await succeed(updateMyProfile(deps)(actor, { language: "en", notifications: choices }));
    expect((await succeed(getNotificationPreferences(deps)(actor))).news).toBe(false);
  });
});
