import type { NotificationTemplate } from "./template.ts";
import { param } from "./template-params.ts";

/** The producer posted news on a plan the owner owns (a teaser; the rest is on the page). */
export const template: NotificationTemplate = {
  kind: "update-posted",
  category: "news",
  render: (p, language) => {
    const title = param(p, "planTitle");
    const excerpt = param(p, "excerpt");
    return language === "ja"
      ? {
          subject: `生産者からのお便り: ${title}`,
          paragraphs: [`「${title}」の生産者から新しいお便りが届きました。`, excerpt],
          link: { label: "続きを読む", url: param(p, "planUrl") },
        }
      : {
          subject: `News from ${title}`,
          paragraphs: [`The producer of "${title}" posted news.`, excerpt],
          link: { label: "Read more", url: param(p, "planUrl") },
        };
  },
};
