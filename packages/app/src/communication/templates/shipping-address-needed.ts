import type { NotificationTemplate } from "./template.ts";
import { count, param, when } from "./template-params.ts";

/**
 * The owner's units cannot ship: it has no delivery address. An account message (not one the
 * owner can turn off): without it the owner would pay and receive nothing.
 */
export const template: NotificationTemplate = {
  kind: "shipping-address-needed",
  category: "account",
  render: (p, language) => {
    const title = param(p, "planTitle");
    const units = `${count(p, "units", language)} ${param(p, "unitLabel")}`;
    const by = when(p, "lastShipDay", language);
    return language === "ja"
      ? {
          subject: `お届け先の登録をお願いします: ${title}`,
          paragraphs: [
            `「${title}」の${units}を発送できません。お届け先が登録されていません。`,
            `${by}までにお届け先を登録いただくと、発送日をお知らせします。`,
          ],
          link: { label: "お届け先を登録する", url: "/me" },
        }
      : {
          subject: `Add an address to receive ${title}`,
          paragraphs: [
            `${units} of "${title}" cannot ship: you have no delivery address.`,
            `Add one by ${by} and we will tell you their ship day.`,
          ],
          link: { label: "Add an address", url: "/me" },
        };
  },
};
