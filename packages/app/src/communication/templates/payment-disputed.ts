import type { NotificationTemplate } from "./template.ts";
import { param, yen } from "./template-params.ts";

/** A payment is disputed at the card issuer: the producer and the administrators are told. */
export const template: NotificationTemplate = {
  kind: "payment-disputed",
  category: "account",
  render: (p, language) => {
    const title = param(p, "planTitle");
    const amount = yen(p, "amountYen", language);
    const reason = param(p, "reason");
    // A booking's seats (a paid experience), or an ownership.
    if (p.bookingId !== undefined) {
      const booking = param(p, "bookingId");
      const experience = param(p, "experienceTitle");
      return language === "ja"
        ? {
            subject: `支払いに異議申し立てがありました: ${title}`,
            paragraphs: [
              `「${title}」の体験「${experience}」の予約${booking}の支払い${amount}について、カード会社で異議申し立てがありました(理由: ${reason})。`,
              "解決するまで、この予約には印が付きます。",
            ],
          }
        : {
            subject: `A payment for ${title} is disputed`,
            paragraphs: [
              `The payment of ${amount} for booking ${booking} of "${experience}" ("${title}") is disputed at the card issuer (reason: ${reason}).`,
              "The booking is flagged until the dispute is settled.",
            ],
          };
    }
    const ownership = param(p, "ownershipId");
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
