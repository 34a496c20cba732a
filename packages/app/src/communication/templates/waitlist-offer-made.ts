import type { NotificationTemplate } from "./template.ts";
import { count, param, when } from "./template-params.ts";

/** Freed shares are held for the next person on the waitlist until the offer expires. */
export const template: NotificationTemplate = {
  kind: "waitlist-offer-made",
  category: "account",
  render: (p, language) => {
    const title = param(p, "planTitle");
    const shares = count(p, "shares", language);
    const until = when(p, "expiresAt", language);
    return language === "ja"
      ? {
          subject: `空きが出ました: ${title}`,
          paragraphs: [
            `キャンセル待ちをしていた「${title}」に空きが出ました。`,
            `${shares}口を${until}まで確保しています。期限までにお手続きください。`,
          ],
          link: { label: "予約する", url: param(p, "planUrl") },
        }
      : {
          subject: `Shares of ${title} are available for you`,
          paragraphs: [
            `Shares of "${title}", which you are waiting for, have become free.`,
            `${shares} share(s) are held for you until ${until}.`,
          ],
          link: { label: "Reserve now", url: param(p, "planUrl") },
        };
  },
};
