import {
  bookingId,
  experienceCancelledMessage,
  experienceId,
  experienceReminderMessage,
  instant,
  LANGUAGES,
  ownerId,
  planId,
} from "@owners/domain";
import { describe, expect, it } from "vitest";
import { template as booked } from "./experience-booked.ts";
import { template as cancelled } from "./experience-cancelled.ts";
import { template as reminder } from "./experience-reminder.ts";

const notice = {
  id: "msg_1",
  experience: {
    id: experienceId("exp_1"),
    planId: planId("plan_1"),
    title: "いちじく収穫体験",
    startsAt: instant("2026-09-01T01:00:00.000Z"),
    location: "熊野農園 正門前",
  },
  booking: { id: bookingId("bkg_1"), ownerId: ownerId("o1"), seats: 2 },
  at: instant("2026-08-01T00:00:00.000Z"),
};

describe("the experience notices' templates", () => {
  it("render ja and en from the params the messages carry, in Japan time", () => {
    const withOwnership = experienceCancelledMessage({ ...notice, by: "ownership-cancelled" });
    const remind = experienceReminderMessage(notice);
    for (const language of LANGUAGES) {
      const messages = [
        booked.render(remind.params ?? {}, language),
        cancelled.render(withOwnership.params ?? {}, language),
        reminder.render(remind.params ?? {}, language),
      ];
      for (const m of messages) {
        expect(m.subject).toContain("いちじく収穫体験");
        expect(m.paragraphs.join(" ")).toMatch(/10:00|10時00分/);
        expect(m.link?.url).toBe("/me");
      }
    }
    expect(booked.render(remind.params ?? {}, "ja").paragraphs).toContain(
      "集合場所: 熊野農園 正門前",
    );
    expect(reminder.render(remind.params ?? {}, "en").paragraphs[0]).toContain("2 seats");
    expect(cancelled.render(withOwnership.params ?? {}, "ja").paragraphs[1]).toContain(
      "オーナー権がキャンセル",
    );
    expect([booked.kind, cancelled.kind, reminder.kind]).toEqual([
      "experience-booked",
      "experience-cancelled",
      "experience-reminder",
    ]);
  });
});
