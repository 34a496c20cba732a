import type { NotificationTemplate } from "./template.ts";
import { count, param, when, yen } from "./template-params.ts";

/** A reservation holds shares until it is paid: the owner is asked to pay before the hold ends. */
export const template: NotificationTemplate = {
  kind: "payment-pending",
  category: "account",
  render: (p, language) =>
    language === "ja"
      ? {
          subject: `【お支払い待ち】${param(p, "planTitle")}`,
          paragraphs: [
            `「${param(p, "planTitle")}」の${count(p, "shares", language)}口を${when(p, "holdExpiresAt", language)}まで確保しています。`,
            `期限までに${yen(p, "amountYen", language)}のお支払いを完了すると、オーナーになれます。期限を過ぎると確保は解除されます。`,
          ],
        }
      : {
          subject: `Complete your payment for ${param(p, "planTitle")}`,
          paragraphs: [
            `${count(p, "shares", language)} share(s) of "${param(p, "planTitle")}" are held for you until ${when(p, "holdExpiresAt", language)}.`,
            `Pay ${yen(p, "amountYen", language)} before then to own them; after that the hold is released.`,
          ],
        },
};
