import {
  bookingId,
  experienceCancelledMessage,
  experienceId,
  experienceReminderMessage,
  instant,
  LANGUAGES,
  ownerId,
  paymentDisputedMessage,
  planId,
  type Yen,
} from "@owners/domain";
import { describe, expect, it } from "vitest";
import { template as booked } from "./experience-booked.ts";
import { template as cancelled } from "./experience-cancelled.ts";
import { template as reminder } from "./experience-reminder.ts";
import { template as disputed } from "./payment-disputed.ts";

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

describe("the payment-disputed template", () => {
  it("names the booking and its experience when a booking's payment is disputed", () => {
    const message = paymentDisputedMessage({
      id: "msg_dispute",
      recipientId: "admins",
      at: notice.at,
      plan: { id: planId("plan_1"), title: "いちじくオーナー" },
      booking: { id: bookingId("bkg_1"), experienceTitle: "いちじく収穫体験" },
      disputeId: "dp_1",
      amountYen: 6_000 as Yen,
      reason: "fraudulent",
    });
    for (const language of LANGUAGES) {
      const text = disputed.render(message.params ?? {}, language).paragraphs.join(" ");
      expect(text).toContain("bkg_1");
      expect(text).toContain("いちじく収穫体験");
      expect(text).not.toMatch(/ownership|オーナー権/);
    }
  });
});
