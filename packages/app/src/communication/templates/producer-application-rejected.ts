import type { NotificationTemplate } from "./template.ts";
import { param } from "./template-params.ts";

/** The applicant reads why it was rejected; it may apply again. */
export const template: NotificationTemplate = {
  kind: "producer-application-rejected",
  category: "account",
  render: (p, language) => {
    const farm = param(p, "farmName");
    const reason = param(p, "reason");
    return language === "ja"
      ? {
          subject: "OWNERS 生産者申請の結果",
          paragraphs: [
            `${farm}の生産者申請は承認されませんでした。理由: ${reason}`,
            "内容を見直して、もう一度申請できます。",
          ],
          link: { label: "申請を見直す", url: "/apply" },
        }
      : {
          subject: "Your producer application on OWNERS",
          paragraphs: [
            `Your producer application for ${farm} was not approved. Reason: ${reason}`,
            "You may correct it and apply again.",
          ],
          link: { label: "Review the application", url: "/apply" },
        };
  },
};
