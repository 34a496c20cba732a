import type { DeliverySlot, Temperature } from "@owners/domain";

/**
 * Yamato's B2クラウド "送り状発行データ 入出力用" layout: the columns of a label import, in order
 * (its first 42; B2 takes a file with fewer columns than its full layout). The same layout
 * comes back from B2 with 伝票番号 (the slip number) filled in for each row.
 */
export const B2_COLUMNS = [
  "お客様管理番号",
  "送り状種類",
  "クール区分",
  "伝票番号",
  "出荷予定日",
  "お届け予定日",
  "配達時間帯",
  "お届け先コード",
  "お届け先電話番号",
  "お届け先電話番号枝番",
  "お届け先郵便番号",
  "お届け先住所",
  "お届け先アパートマンション名",
  "お届け先会社・部門１",
  "お届け先会社・部門２",
  "お届け先名",
  "お届け先名(ｶﾅ)",
  "敬称",
  "ご依頼主コード",
  "ご依頼主電話番号",
  "ご依頼主電話番号枝番",
  "ご依頼主郵便番号",
  "ご依頼主住所",
  "ご依頼主アパートマンション",
  "ご依頼主名",
  "ご依頼主名(ｶﾅ)",
  "品名コード１",
  "品名１",
  "品名コード２",
  "品名２",
  "荷扱い１",
  "荷扱い２",
  "記事",
  "ｺﾚｸﾄ代金引換額（税込)",
  "内消費税額等",
  "止置き",
  "営業所コード",
  "発行枚数",
  "個数口表示フラグ",
  "請求先顧客コード",
  "請求先分類コード",
  "運賃管理番号",
] as const;

export type B2Column = (typeof B2_COLUMNS)[number];

/** Zero-based position of a column. */
export const b2Index = (column: B2Column): number => B2_COLUMNS.indexOf(column);

/** 送り状種類: 0 = 発払い (the sender pays), the only kind OWNERS issues. */
export const B2_PREPAID = "0";

/** クール区分: 0 通常, 1 クール冷凍, 2 クール冷蔵. */
export const B2_COOL: Readonly<Record<Temperature, string>> = {
  ambient: "0",
  frozen: "1",
  chilled: "2",
};

/** 配達時間帯 codes. */
export const B2_SLOT: Readonly<Record<DeliverySlot, string>> = {
  am: "0812",
  "14-16": "1416",
  "16-18": "1618",
  "18-20": "1820",
  "19-21": "1921",
};

/**
 * Field widths B2 accepts, in half-width characters (a full-width one counts 2): a longer
 * field makes B2 refuse the row at import, so the export reports it instead of cutting it.
 */
export const B2_MAX_WIDTH: Partial<Readonly<Record<B2Column, number>>> = {
  お客様管理番号: 50,
  お届け先電話番号: 15,
  お届け先住所: 64,
  お届け先アパートマンション名: 32,
  お届け先名: 32,
  ご依頼主電話番号: 15,
  ご依頼主住所: 64,
  ご依頼主アパートマンション: 32,
  ご依頼主名: 32,
  品名１: 50,
  記事: 44,
};

/** Width as B2 counts it: ASCII and half-width katakana are 1, everything else 2. */
export const b2Width = (text: string): number =>
  [...text].reduce((sum, ch) => {
    const code = ch.codePointAt(0) ?? 0;
    return sum + (code <= 0x7e || (code >= 0xff61 && code <= 0xff9f) ? 1 : 2);
  }, 0);
