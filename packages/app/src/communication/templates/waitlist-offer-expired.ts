import type { NotificationTemplate } from "./template.ts";
import { count, param } from "./template-params.ts";

/** A waitlist offer ran out unaccepted: its shares were offered to the next in line. */
export const template: NotificationTemplate = {
  kind: "waitlist-offer-expired",
  category: "season",
  render: (p, language) =>
    language === "ja"
      ? {
          subject: `【期限切れ】${param(p, "planTitle")}のキャンセル待ち枠`,
          paragraphs: [
            `「${param(p, "planTitle")}」であなたに確保していた${count(p, "shares", language)}口は、期限内にお申し込みがなかったため次の方へご案内しました。`,
          ],
        }
      : {
          subject: `Your offer for ${param(p, "planTitle")} has expired`,
          paragraphs: [
            `The ${count(p, "shares", language)} share(s) of "${param(p, "planTitle")}" held for you were not taken in time and have been offered to the next in line.`,
          ],
        },
};
