import type { NotificationTemplate } from "./template.ts";
import { count, param } from "./template-params.ts";

/** The payment failed or was not made in time: the shares were released, nothing charged. */
export const template: NotificationTemplate = {
  kind: "payment-failed",
  category: "account",
  render: (p, language) => {
    const expired = param(p, "reason") === "expired";
    return language === "ja"
      ? {
          subject: `【予約未完了】${param(p, "planTitle")}`,
          paragraphs: [
            expired
              ? `「${param(p, "planTitle")}」${count(p, "shares", language)}口のお支払いが期限内に完了しませんでした。`
              : `「${param(p, "planTitle")}」${count(p, "shares", language)}口のお支払いが完了できませんでした。`,
            "確保していた口数は解除されました。料金は請求されていません。",
          ],
        }
      : {
          subject: `Your reservation of ${param(p, "planTitle")} was not completed`,
          paragraphs: [
            expired
              ? `The payment for ${count(p, "shares", language)} share(s) of "${param(p, "planTitle")}" was not made in time.`
              : `The payment for ${count(p, "shares", language)} share(s) of "${param(p, "planTitle")}" did not go through.`,
            "The shares were released and nothing was charged.",
          ],
        };
  },
};
