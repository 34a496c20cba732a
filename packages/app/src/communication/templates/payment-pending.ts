import type { NotificationTemplate } from "./template.ts";

/** A reservation holds shares until it is paid: the owner is asked to pay before the hold ends. */
export const template: NotificationTemplate = {
  kind: "payment-pending",
  category: "account",
  render: (p, language) =>
    language === "ja"
      ? {
          subject: `【お支払い待ち】${p.planTitle}`,
          paragraphs: [
            `「${p.planTitle}」の${p.shares}口を${p.holdExpiresAt}まで確保しています。`,
            `期限までに¥${p.amountYen}のお支払いを完了すると、オーナーになれます。期限を過ぎると確保は解除されます。`,
          ],
        }
      : {
          subject: `Complete your payment for ${p.planTitle}`,
          paragraphs: [
            `${p.shares} share(s) of "${p.planTitle}" are held for you until ${p.holdExpiresAt}.`,
            `Pay ¥${p.amountYen} before then to own them; after that the hold is released.`,
          ],
        },
};
