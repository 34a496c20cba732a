import { experienceText } from "./experience-text.ts";
import type { NotificationTemplate } from "./template.ts";

/** The day before an experience: when and where. */
export const template: NotificationTemplate = {
  kind: "experience-reminder",
  category: "experiences",
  render: (p, language) => {
    const e = experienceText(p, language);
    return language === "ja"
      ? {
          subject: `明日は体験の日です: ${e.title}`,
          paragraphs: [`「${e.title}」は${e.at}に始まります（${e.seats}）。`, ...e.where],
          link: e.link,
        }
      : {
          subject: `Tomorrow: ${e.title}`,
          paragraphs: [`"${e.title}" starts ${e.at} (${e.seats}).`, ...e.where],
          link: e.link,
        };
  },
};
