import type { NotificationTemplate } from "./template.ts";
import { param } from "./template-params.ts";

/** The applicant is now a producer. */
export const template: NotificationTemplate = {
  kind: "producer-application-approved",
  category: "account",
  render: (p, language) => {
    const farm = param(p, "farmName");
    return language === "ja"
      ? {
          subject: `${farm}様、OWNERS の生産者として承認されました`,
          paragraphs: [
            "生産者の申請が承認されました。",
            "もう一度サインインして生産者ダッシュボードを開き、入金先を設定してから最初のプランを公開してください。",
          ],
          link: { label: "生産者ダッシュボードへ", url: "/producer" },
        }
      : {
          subject: `Welcome, ${farm}: you are a producer on OWNERS`,
          paragraphs: [
            "Your producer application is approved.",
            "Sign in again to open your producer dashboard, finish setting up payouts there, then publish your first plan.",
          ],
          link: { label: "Open the dashboard", url: "/producer" },
        };
  },
};
