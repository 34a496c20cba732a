import { experienceText } from "./experience-text.ts";
import type { NotificationTemplate } from "./template.ts";

/** An owner booked seats of an experience. */
export const template: NotificationTemplate = {
  kind: "experience-booked",
  category: "experiences",
  render: (p, language) => {
    const e = experienceText(p, language);
    return language === "ja"
      ? {
          subject: `体験のご予約を承りました: ${e.title}`,
          paragraphs: [`「${e.title}」（${e.at}）を${e.seats}ご予約いただきました。`, ...e.where],
          link: e.link,
        }
      : {
          subject: `Booked: ${e.title}`,
          paragraphs: [`You booked ${e.seats} for "${e.title}" on ${e.at}.`, ...e.where],
          link: e.link,
        };
  },
};
