import { experienceText } from "./experience-text.ts";
import type { NotificationTemplate } from "./template.ts";

/** A booking was cancelled: by its owner, or with the ownership it depended on. */
export const template: NotificationTemplate = {
  kind: "experience-cancelled",
  category: "experiences",
  render: (p, language) => {
    const e = experienceText(p, language);
    const withOwnership = p.by === "ownership-cancelled";
    return language === "ja"
      ? {
          subject: `体験のご予約をキャンセルしました: ${e.title}`,
          paragraphs: [
            `「${e.title}」（${e.at}）の${e.seats}のご予約をキャンセルしました。`,
            ...(withOwnership
              ? ["プランのオーナー権がキャンセルされたため、体験のご予約もキャンセルされました。"]
              : []),
          ],
          link: e.link,
        }
      : {
          subject: `Booking cancelled: ${e.title}`,
          paragraphs: [
            `Your booking of ${e.seats} for "${e.title}" on ${e.at} is cancelled.`,
            ...(withOwnership
              ? ["Your ownership of the plan was cancelled, and your bookings with it."]
              : []),
          ],
          link: e.link,
        };
  },
};
