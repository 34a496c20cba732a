import type { NotificationTemplate } from "./template.ts";
import { count, param } from "./template-params.ts";

/** "Your parcel arrived": thanks for confirming, or counted as delivered after the waiting days. */
export const template: NotificationTemplate = {
  kind: "parcel-delivered",
  category: "season",
  render: (params, language) => {
    const title = param(params, "planTitle");
    const byOwner = params.confirmedBy === "owner";
    if (language === "en")
      return {
        subject: `${title} has arrived`,
        paragraphs: byOwner
          ? [
              `Thank you for confirming that ${count(params, "boxes", language)} box(es) of "${title}" arrived.`,
            ]
          : [
              `${count(params, "boxes", language)} box(es) of "${title}" are now counted as delivered.`,
              "If they have not arrived, please contact the producer.",
            ],
      };
    return {
      subject: `「${title}」が届きました`,
      paragraphs: byOwner
        ? [
            `「${title}」の${count(params, "boxes", language)}箱の受け取りをご確認いただきありがとうございます。`,
          ]
        : [
            `「${title}」の${count(params, "boxes", language)}箱は配達済みとして扱われました。`,
            "まだ届いていない場合は、生産者にお問い合わせください。",
          ],
    };
  },
};
