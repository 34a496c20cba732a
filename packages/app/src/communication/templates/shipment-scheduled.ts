import type { NotificationTemplate } from "./template.ts";
import { count, param, when } from "./template-params.ts";

/** A shipment got its ship day. */
export const template: NotificationTemplate = {
  kind: "shipment-scheduled",
  category: "season",
  render: (p, language) => {
    const title = param(p, "planTitle");
    const shipOn = when(p, "shipOn", language);
    const arriveBy = when(p, "arriveBy", language);
    const boxes = count(p, "boxes", language);
    return language === "ja"
      ? {
          subject: `発送日が決まりました: ${title}`,
          paragraphs: [
            `「${title}」${boxes}箱を${shipOn}に発送します。`,
            `${arriveBy}までにお届けの予定です。`,
          ],
          link: { label: "マイページで確認する", url: "/me" },
        }
      : {
          subject: `${title} ships on ${shipOn}`,
          paragraphs: [
            `${boxes} box(es) of "${title}" ship on ${shipOn}.`,
            `They should arrive by ${arriveBy}.`,
          ],
          link: { label: "See it in My page", url: "/me" },
        };
  },
};
