import type { NotificationTemplate } from "./template.ts";

/** The hold of an unpaid reservation ends soon. */
export const template: NotificationTemplate = {
  kind: "payment-expiring",
  category: "account",
  render: (p, language) =>
    language === "ja"
      ? {
          subject: `【まもなく期限】${p.planTitle}のお支払い`,
          paragraphs: [
            `「${p.planTitle}」${p.shares}口の確保は${p.holdExpiresAt}までです。`,
            `¥${p.amountYen}のお支払いがない場合、口数は販売に戻ります。`,
          ],
        }
      : {
          subject: `Your hold on ${p.planTitle} ends soon`,
          paragraphs: [
            `Your ${p.shares} share(s) of "${p.planTitle}" are held until ${p.holdExpiresAt}.`,
            `If ¥${p.amountYen} is not paid by then, they go back on sale.`,
          ],
        },
};
