import type { NotificationTemplate } from "./template.ts";
import { count, param } from "./template-params.ts";

/** Some parcels of a lot cannot be given a ship day in time: the producer must act. */
export const template: NotificationTemplate = {
  kind: "shipping-infeasible",
  category: "account",
  render: (p, language) => {
    const title = param(p, "planTitle");
    const n = count(p, "unshippableShipments", language);
    const lot = param(p, "lotId");
    const reason = param(p, "reason");
    return language === "ja"
      ? {
          subject: `要対応: ${title}の${n}件が期限内に発送できません`,
          paragraphs: [
            `「${title}」のロット${lot}のうち${n}件が賞味期限までに発送できません(理由: ${reason})。`,
            "1日の発送可能数とお届け期間を見直すか、オーナーにご連絡ください。",
          ],
          link: { label: "プランを管理する", url: param(p, "planUrl") },
        }
      : {
          subject: `Action needed: ${n} shipment(s) of ${title} cannot ship in time`,
          paragraphs: [
            `${n} shipment(s) from lot ${lot} of "${title}" cannot all ship before best-before (reasons: ${reason}).`,
            "Check your daily shipping capacity and the delivery window, or contact the owners.",
          ],
          link: { label: "Manage the plan", url: param(p, "planUrl") },
        };
  },
};
