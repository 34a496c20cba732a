import type { NotificationTemplate } from "./template.ts";

/** A waitlist offer ran out unaccepted: its shares were offered to the next in line. */
export const template: NotificationTemplate = {
  kind: "waitlist-offer-expired",
  category: "season",
  render: (p, language) =>
    language === "ja"
      ? {
          subject: `【期限切れ】${p.planTitle}のキャンセル待ち枠`,
          paragraphs: [
            `「${p.planTitle}」であなたに確保していた${p.shares}口は、期限内にお申し込みがなかったため次の方へご案内しました。`,
          ],
        }
      : {
          subject: `Your offer for ${p.planTitle} has expired`,
          paragraphs: [
            `The ${p.shares} share(s) of "${p.planTitle}" held for you were not taken in time and have been offered to the next in line.`,
          ],
        },
};
