import type { NotificationTemplate } from "./template.ts";

const text = (value: string | number | undefined): string =>
  value === undefined ? "" : String(value);

/** "Your parcel left": carrier, tracking number, the day it should arrive, the tracking link. */
export const template: NotificationTemplate = {
  kind: "parcel-shipped",
  category: "season",
  render: (params, language) => {
    const title = text(params.planTitle);
    const url = params.trackingUrl === undefined ? undefined : text(params.trackingUrl);
    if (language === "en")
      return {
        subject: `${title} is on its way`,
        paragraphs: [
          `${text(params.boxes)} box(es) of "${title}" left with ${text(params.carrierNameEn)}.`,
          `Tracking number: ${text(params.trackingNumber)}. Expected by ${text(params.arriveBy)}.`,
          "Once it arrives, please confirm the delivery on your ownership page.",
        ],
        ...(url === undefined ? {} : { link: { label: "Track the parcel", url } }),
      };
    return {
      subject: `「${title}」を発送しました`,
      paragraphs: [
        `「${title}」の${text(params.boxes)}箱を${text(params.carrierNameJa)}で発送しました。`,
        `伝票番号: ${text(params.trackingNumber)}（お届け予定: ${text(params.arriveBy)}まで）`,
        "届きましたら、オーナーページの「届きました」ボタンでお知らせください。",
      ],
      ...(url === undefined ? {} : { link: { label: "配送状況を確認する", url } }),
    };
  },
};
