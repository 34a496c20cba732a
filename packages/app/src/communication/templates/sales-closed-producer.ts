import type { NotificationTemplate } from "./template.ts";
import { count, param } from "./template-params.ts";

/** Sales ended: the producer's figures for the plan at closing. */
export const template: NotificationTemplate = {
  kind: "sales-closed-producer",
  category: "account",
  render: (p, language) => {
    const title = param(p, "planTitle");
    const sold = count(p, "sharesSold", language);
    const total = count(p, "totalShares", language);
    const owners = count(p, "owners", language);
    return language === "ja"
      ? {
          subject: `募集終了: ${title}(${total}口中${sold}口)`,
          paragraphs: [
            `「${title}」の募集が終了しました。${owners}人のオーナーに${total}口中${sold}口をお預かりしました。`,
            "収穫があれば収穫ロットを登録してください。登録のたびに配分されます。",
          ],
          link: { label: "プランを管理する", url: param(p, "planUrl") },
        }
      : {
          subject: `Sales of ${title} have closed: ${sold} of ${total} shares sold`,
          paragraphs: [
            `"${title}" closed with ${sold} of ${total} shares sold to ${owners} owner(s).`,
            "Record harvest lots as they come in; allocation runs after each one.",
          ],
          link: { label: "Manage the plan", url: param(p, "planUrl") },
        };
  },
};
