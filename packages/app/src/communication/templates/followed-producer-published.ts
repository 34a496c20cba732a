import type { NotificationTemplate } from "./template.ts";
import { param } from "./template-params.ts";

/** A producer the owner follows opened a new plan. */
export const template: NotificationTemplate = {
  kind: "followed-producer-published",
  category: "news",
  render: (p, language) => {
    const title = param(p, "planTitle");
    const producer = param(p, "producerName");
    return language === "ja"
      ? {
          subject: `${producer}さんの新しいプラン: ${title}`,
          paragraphs: [`フォロー中の${producer}さんが新しいプラン「${title}」を公開しました。`],
          link: { label: "プランを見る", url: param(p, "planUrl") },
        }
      : {
          subject: `${producer} opened a new plan: ${title}`,
          paragraphs: [`${producer}, whom you follow, has opened "${title}" for owners.`],
          link: { label: "See the plan", url: param(p, "planUrl") },
        };
  },
};
