import type { NotificationTemplate } from "./template.ts";
import { param, yen } from "./template-params.ts";

/** A payment is disputed at the card issuer: the producer and the administrators are told. */
export const template: NotificationTemplate = {
  kind: "payment-disputed",
  category: "account",
  render: (p, language) => {
    const title = param(p, "planTitle");
    const amount = yen(p, "amountYen", language);
    const ownership = param(p, "ownershipId");
    const reason = param(p, "reason");
    return language === "ja"
      ? {
          subject: `支払いに異議申し立てがありました: ${title}`,
          paragraphs: [
            `「${title}」のオーナー権${ownership}の支払い${amount}について、カード会社で異議申し立てがありました(理由: ${reason})。`,
            "解決するまで、このオーナー権には印が付きます。",
          ],
        }
      : {
          subject: `A payment for ${title} is disputed`,
          paragraphs: [
            `The payment of ${amount} for ownership ${ownership} of "${title}" is disputed at the card issuer (reason: ${reason}).`,
            "The ownership is flagged until the dispute is settled.",
          ],
        };
  },
};
