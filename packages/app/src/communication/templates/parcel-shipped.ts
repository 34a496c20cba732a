import type { NotificationTemplate } from "./template.ts";
import { count, param, when } from "./template-params.ts";

/** "Your parcel left": carrier, tracking number, the day it should arrive, the tracking link. */
export const template: NotificationTemplate = {
  kind: "parcel-shipped",
  category: "season",
  render: (params, language) => {
    const title = param(params, "planTitle");
    const url = params.trackingUrl === undefined ? undefined : param(params, "trackingUrl");
    if (language === "en")
      return {
        subject: `${title} is on its way`,
        paragraphs: [
          `${count(params, "boxes", language)} box(es) of "${title}" left with ${param(params, "carrierNameEn")}.`,
          `Tracking number: ${param(params, "trackingNumber")}. Expected by ${when(params, "arriveBy", language)}.`,
          "Once it arrives, please confirm the delivery on your ownership page.",
        ],
        ...(url === undefined ? {} : { link: { label: "Track the parcel", url } }),
      };
    return {
      subject: `「${title}」を発送しました`,
      paragraphs: [
        `「${title}」の${count(params, "boxes", language)}箱を${param(params, "carrierNameJa")}で発送しました。`,
        `伝票番号: ${param(params, "trackingNumber")}（お届け予定: ${when(params, "arriveBy", language)}まで）`,
        "届きましたら、オーナーページの「届きました」ボタンでお知らせください。",
      ],
      ...(url === undefined ? {} : { link: { label: "配送状況を確認する", url } }),
    };
  },
};
