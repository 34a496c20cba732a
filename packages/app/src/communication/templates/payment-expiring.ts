import type { NotificationTemplate } from "./template.ts";
import { count, param, when, yen } from "./template-params.ts";

/** The hold of an unpaid reservation ends soon. */
export const template: NotificationTemplate = {
  kind: "payment-expiring",
  category: "account",
  render: (p, language) =>
    language === "ja"
      ? {
          subject: `【まもなく期限】${param(p, "planTitle")}のお支払い`,
          paragraphs: [
            `「${param(p, "planTitle")}」${count(p, "shares", language)}口の確保は${when(p, "holdExpiresAt", language)}までです。`,
            `${yen(p, "amountYen", language)}のお支払いがない場合、口数は販売に戻ります。`,
          ],
        }
      : {
          subject: `Your hold on ${param(p, "planTitle")} ends soon`,
          paragraphs: [
            `Your ${count(p, "shares", language)} share(s) of "${param(p, "planTitle")}" are held until ${when(p, "holdExpiresAt", language)}.`,
            `If ${yen(p, "amountYen", language)} is not paid by then, they go back on sale.`,
          ],
        },
};
