import type { NotificationTemplate } from "./template.ts";
import { count, param } from "./template-params.ts";

/** The producer's season report is out: owners of the plan are invited to read it. */
export const template: NotificationTemplate = {
  kind: "season-report-posted",
  category: "season",
  render: (params, language) => {
    const title = param(params, "planTitle");
    const producer = param(params, "producerName");
    const units = `${count(params, "harvestedUnits", language)} ${param(params, "unitLabel")}`;
    const url = param(params, "planUrl");
    return language === "en"
      ? {
          subject: `The season report of ${title} is out`,
          paragraphs: [
            `${producer || "The producer"} has posted the season report of "${title}".`,
            `This season's harvest: ${units}.`,
            "Thank you for owning this season with us.",
          ],
          link: { label: "Read the season report", url },
        }
      : {
          subject: `「${title}」のシーズンレポートが届きました`,
          paragraphs: [
            `${producer || "生産者"}さんが「${title}」のシーズンレポートを公開しました。`,
            `今シーズンの収穫量：${units}`,
            "今シーズンもオーナーとしてご参加いただき、ありがとうございました。",
          ],
          link: { label: "シーズンレポートを読む", url },
        };
  },
};
