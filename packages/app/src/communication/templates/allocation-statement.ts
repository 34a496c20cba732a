import type { NotificationTemplate } from "./template.ts";

/** The harvest is final: what the owner received, and what was refunded or credited. */
export const template: NotificationTemplate = {
  kind: "allocation-statement",
  category: "account",
  render: (p, language) =>
    language === "ja"
      ? {
          subject: `【収穫のご報告】${p.planTitle}`,
          paragraphs: [
            `今シーズンの「${p.planTitle}」であなたにお届けする分は${p.standardUnits}${p.unitLabel}（規格外${p.offspecUnits}${p.unitLabel}）です。`,
            Number(p.missingUnits) > 0
              ? `持ち分に${p.missingUnits}${p.unitLabel}届かなかったため、返金¥${p.refundYen}、ストアクレジット¥${p.creditYen}をお戻しします。`
              : "持ち分どおりの収穫でした。返金・クレジットはありません。",
          ],
        }
      : {
          subject: `Your harvest statement for ${p.planTitle}`,
          paragraphs: [
            `This season of "${p.planTitle}" gives you ${p.standardUnits} ${p.unitLabel} (plus ${p.offspecUnits} off-spec).`,
            Number(p.missingUnits) > 0
              ? `It fell ${p.missingUnits} ${p.unitLabel} short of your share: ¥${p.refundYen} is refunded and ¥${p.creditYen} credited to you.`
              : "The harvest covered your share in full: nothing to refund or credit.",
          ],
        },
};
