import type { DeliverySlot, LocalDate, Temperature } from "@owners/domain";
import type { ShippingAddress } from "../../ports/owner-profile-repository.ts";
import {
  B2_COLUMNS,
  B2_COOL,
  B2_MAX_WIDTH,
  B2_PREPAID,
  B2_SLOT,
  type B2Column,
  b2Width,
} from "./b2-cloud-layout.ts";

/** Who sends the boxes, as on the producer's Yamato contract. */
export interface B2Sender {
  readonly name: string;
  readonly phone: string;
  /** `123-4567`. */
  readonly postalCode: string;
  /** Prefecture, city and street: B2's one address field. */
  readonly address: string;
  readonly apartment?: string;
  /** 請求先顧客コード: the producer's Yamato customer code (10 or 12 digits). */
  readonly billingCustomerCode: string;
  /** 運賃管理番号: two digits, "01" unless Yamato gave the producer others. */
  readonly freightManagementNumber: string;
}

/** One parcel to print a slip for. */
export interface B2Parcel {
  /** お客様管理番号: comes back with the slip number, so it names the parcel. ASCII. */
  readonly key: string;
  readonly shipOn: LocalDate;
  readonly arriveBy: LocalDate;
  readonly slot?: DeliverySlot;
  readonly temperature: Temperature;
  readonly recipient: ShippingAddress;
  /** 品名: what is in the box. */
  readonly description: string;
  /** 記事: a short note on the slip (a gift's sender, say). */
  readonly note?: string;
}

/** A field B2 would refuse, reported so the producer fixes it before the import fails. */
export interface B2Problem {
  readonly key: string;
  readonly column: B2Column;
  readonly message: string;
}

export interface B2Export {
  /** The header row, then one row per parcel, in B2_COLUMNS order. */
  readonly rows: readonly (readonly string[])[];
  readonly problems: readonly B2Problem[];
}

const slashDate = (day: LocalDate) => day.replaceAll("-", "/");

/**
 * The rows of a B2クラウド label import for these parcels, in the given order. Values are
 * written as they are; any field wider than B2 takes is listed in `problems` (never cut: a
 * shortened address would send a box to the wrong door).
 */
export const b2CloudExport = (parcels: readonly B2Parcel[], sender: B2Sender): B2Export => {
  const problems: B2Problem[] = [];
  const rows = parcels.map((parcel) => {
    const recipient = parcel.recipient;
    const values: Partial<Record<B2Column, string>> = {
      お客様管理番号: parcel.key,
      送り状種類: B2_PREPAID,
      クール区分: B2_COOL[parcel.temperature],
      出荷予定日: slashDate(parcel.shipOn),
      お届け予定日: slashDate(parcel.arriveBy),
      配達時間帯: parcel.slot === undefined ? "" : B2_SLOT[parcel.slot],
      お届け先電話番号: recipient.phone,
      お届け先郵便番号: recipient.postalCode,
      お届け先住所: `${recipient.prefecture}${recipient.city}${recipient.line1}`,
      お届け先アパートマンション名: recipient.line2 ?? "",
      お届け先名: recipient.recipientName,
      敬称: "様",
      ご依頼主電話番号: sender.phone,
      ご依頼主郵便番号: sender.postalCode,
      ご依頼主住所: sender.address,
      ご依頼主アパートマンション: sender.apartment ?? "",
      ご依頼主名: sender.name,
      品名１: parcel.description,
      記事: parcel.note ?? "",
      請求先顧客コード: sender.billingCustomerCode,
      運賃管理番号: sender.freightManagementNumber,
    };
    for (const [column, max] of Object.entries(B2_MAX_WIDTH) as [B2Column, number][]) {
      const width = b2Width(values[column] ?? "");
      if (width > max)
        problems.push({
          key: parcel.key,
          column,
          message: `${column} is ${width} wide; B2 takes ${max} (a full-width character counts 2)`,
        });
    }
    return B2_COLUMNS.map((column) => values[column] ?? "");
  });
  return { rows: [[...B2_COLUMNS], ...rows], problems };
};
