import type { NotificationTemplate } from "./template.ts";
import { count, param, yen } from "./template-params.ts";

/** The harvest is final: what the owner received, and what was refunded or credited. */
export const template: NotificationTemplate = {
  kind: "allocation-statement",
  category: "account",
  render: (p, language) =>
    language === "ja"
      ? {
          subject: `【収穫のご報告】${param(p, "planTitle")}`,
          paragraphs: [
            `今シーズンの「${param(p, "planTitle")}」であなたにお届けする分は${count(p, "standardUnits", language)}${param(p, "unitLabel")}（規格外${count(p, "offspecUnits", language)}${param(p, "unitLabel")}）です。`,
            Number(param(p, "missingUnits")) > 0
              ? `持ち分に${count(p, "missingUnits", language)}${param(p, "unitLabel")}届かなかったため、返金${yen(p, "refundYen", language)}、ストアクレジット${yen(p, "creditYen", language)}をお戻しします。`
              : "持ち分どおりの収穫でした。返金・クレジットはありません。",
          ],
        }
      : {
          subject: `Your harvest statement for ${param(p, "planTitle")}`,
          paragraphs: [
            `This season of "${param(p, "planTitle")}" gives you ${count(p, "standardUnits", language)} ${param(p, "unitLabel")} (plus ${count(p, "offspecUnits", language)} off-spec).`,
            Number(param(p, "missingUnits")) > 0
              ? `It fell ${count(p, "missingUnits", language)} ${param(p, "unitLabel")} short of your share: ${yen(p, "refundYen", language)} is refunded and ${yen(p, "creditYen", language)} credited to you.`
              : "The harvest covered your share in full: nothing to refund or credit.",
          ],
        },
};
