import type { NotificationTemplate } from "./template.ts";
import { param } from "./template-params.ts";

/** The plan was cancelled: the owner hears why, and that it is refunded. */
export const template: NotificationTemplate = {
  kind: "plan-cancelled",
  category: "account",
  render: (p, language) => {
    const title = param(p, "planTitle");
    const reason = param(p, "reason");
    return language === "ja"
      ? {
          subject: `プラン中止のお知らせ: ${title}`,
          paragraphs: [
            `「${title}」は中止となりました。理由: ${reason}`,
            "お持ちの口数はすべて全額返金されます。",
          ],
          link: { label: "返金の状況を見る", url: "/me" },
        }
      : {
          subject: `${title} has been cancelled`,
          paragraphs: [
            `"${title}" has been cancelled. Reason given: ${reason}`,
            "Every share you own in it is refunded in full.",
          ],
          link: { label: "See the refund", url: "/me" },
        };
  },
};
