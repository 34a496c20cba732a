import type { NotificationTemplate } from "./template.ts";
import { count, param, when } from "./template-params.ts";

/** Sales ended: the owner's shares are final and the harvest comes next. */
export const template: NotificationTemplate = {
  kind: "sales-closed",
  category: "season",
  render: (p, language) => {
    const title = param(p, "planTitle");
    const shares = count(p, "shares", language);
    const from = when(p, "deliveryFrom", language);
    const to = when(p, "deliveryTo", language);
    return language === "ja"
      ? {
          subject: `募集が終了しました: ${title}`,
          paragraphs: [
            `「${title}」の募集が終了しました。あなたのオーナー口数は${shares}口です。`,
            `収穫は${from}から${to}の予定です。シーズン中は生産者からのお便りをお届けします。`,
          ],
          link: { label: "プランを見る", url: param(p, "planUrl") },
        }
      : {
          subject: `Sales of ${title} have closed`,
          paragraphs: [
            `Sales of "${title}" have closed. You own ${shares} share(s).`,
            `The harvest is expected between ${from} and ${to}; you will hear from the producer as the season goes.`,
          ],
          link: { label: "See the plan", url: param(p, "planUrl") },
        };
  },
};
