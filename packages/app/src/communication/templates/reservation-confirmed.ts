import type { NotificationTemplate } from "./template.ts";
import { count, param, yen } from "./template-params.ts";

/** The reservation went through and was charged. */
export const template: NotificationTemplate = {
  kind: "reservation-confirmed",
  category: "account",
  render: (p, language) => {
    const title = param(p, "planTitle");
    const shares = count(p, "shares", language);
    const total = yen(p, "totalYen", language);
    return language === "ja"
      ? {
          subject: `ご予約が確定しました: ${title}`,
          paragraphs: [`「${title}」を${shares}口ご予約いただきました。`, `お支払い金額: ${total}`],
          link: { label: "マイページで確認する", url: "/me" },
        }
      : {
          subject: `Your reservation is confirmed: ${title}`,
          paragraphs: [`You now own ${shares} share(s) of "${title}".`, `Charged: ${total}`],
          link: { label: "See it in My page", url: "/me" },
        };
  },
};
