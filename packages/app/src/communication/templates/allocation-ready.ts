import type { NotificationTemplate } from "./template.ts";
import { count, param } from "./template-params.ts";

/** A harvest lot was divided and this owner's part is known. */
export const template: NotificationTemplate = {
  kind: "allocation-ready",
  category: "season",
  render: (p, language) => {
    const title = param(p, "planTitle");
    const units = `${count(p, "units", language)} ${param(p, "unitLabel")}`;
    return language === "ja"
      ? {
          subject: `収穫のお知らせ: ${title}`,
          paragraphs: [`「${title}」の今回の収穫から、${units}があなたの分です。`],
          link: { label: "マイページで確認する", url: "/me" },
        }
      : {
          subject: `Your harvest from ${title} is ready`,
          paragraphs: [`${units} from this harvest of "${title}" are yours.`],
          link: { label: "See it in My page", url: "/me" },
        };
  },
};
