import type { NotificationTemplate } from "./template.ts";
import { param, when } from "./template-params.ts";

/** A returning owner may reserve the producer's new plan before everyone else. */
export const template: NotificationTemplate = {
  kind: "plan-published-to-returning-owners",
  category: "season",
  render: (p, language) => {
    const title = param(p, "planTitle");
    const from = when(p, "opensToYouAt", language);
    return language === "ja"
      ? {
          subject: `先行予約のご案内: ${title}`,
          paragraphs: [
            `以前オーナーになっていただいた生産者の新しいプラン「${title}」が公開されました。`,
            `${from}から、一般公開より先に予約できます。`,
          ],
          link: { label: "プランを見る", url: param(p, "planUrl") },
        }
      : {
          subject: `Early access: ${title}`,
          paragraphs: [
            `A producer you have owned with opened a new plan, "${title}".`,
            `As a returning owner you can reserve it from ${from}, before it opens to everyone.`,
          ],
          link: { label: "See the plan", url: param(p, "planUrl") },
        };
  },
};
