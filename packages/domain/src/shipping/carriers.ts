import * as E from "fp-ts/lib/Either.js";
import { type DomainError, fail } from "../shared/errors.ts";

/** The parcel services producers ship with; "other" for any the platform cannot link to. */
export const CARRIERS = ["yamato", "sagawa", "japanpost", "other"] as const;
export type Carrier = (typeof CARRIERS)[number];

export const isCarrier = (value: unknown): value is Carrier =>
  typeof value === "string" && (CARRIERS as readonly string[]).includes(value);

/** Names as printed on the carriers' own slips (the site shows these in both languages). */
export const CARRIER_NAMES_JA: Readonly<Record<Carrier, string>> = {
  yamato: "ヤマト運輸",
  sagawa: "佐川急便",
  japanpost: "日本郵便",
  other: "その他",
};

/**
 * Yamato's and Sagawa's slip numbers are 12 digits whose last is a check digit: the first 11
 * read as a number, modulo 7 ("7DR"). Checking it catches most typos before an owner is sent a
 * link to somebody else's parcel.
 */
const hasSevenCheckDigit = (digits: string): boolean =>
  Number(BigInt(digits.slice(0, -1)) % 7n) === Number(digits.slice(-1));

/** Japan Post: 11 to 13 digits domestically, or the UPU form (`EJ123456789JP`) abroad. */
const JAPAN_POST_NUMBER = /^(?:\d{11,13}|[A-Z]{2}\d{9}[A-Z]{2})$/;

/** Producers paste numbers as printed: hyphens, spaces and full-width digits are dropped/folded. */
const normalized = (raw: string): string =>
  raw
    .normalize("NFKC")
    .replace(/[\s\-ー－‐]/g, "")
    .toUpperCase();

/**
 * The tracking number as stored: normalized, and checked for the carriers whose format is
 * known (PARCEL.INVALID_TRACKING says what is wrong). Any non-empty number is taken for "other".
 */
export const normalizeTrackingNumber = (
  carrier: Carrier,
  raw: string,
): E.Either<DomainError<"PARCEL.INVALID_TRACKING">, string> => {
  const number = normalized(raw);
  const invalid = (message: string) =>
    fail("PARCEL.INVALID_TRACKING", message, { carrier, trackingNumber: raw });
  if (number.length === 0 || number.length > 40) return invalid("a tracking number is required");
  switch (carrier) {
    case "yamato":
    case "sagawa":
      if (!/^\d{12}$/.test(number)) return invalid(`a ${carrier} slip number has 12 digits`);
      return hasSevenCheckDigit(number)
        ? E.right(number)
        : invalid(`the check digit of this ${carrier} slip number does not match (a typo?)`);
    case "japanpost":
      return JAPAN_POST_NUMBER.test(number)
        ? E.right(number)
        : invalid("a Japan Post tracking number has 11 to 13 digits (or the form EJ123456789JP)");
    case "other":
      return /^[0-9A-Z]+$/.test(number)
        ? E.right(number)
        : invalid("a tracking number has letters and digits only");
  }
};

/** The carrier's public tracking page for a number, or none for "other". */
export const trackingUrl = (carrier: Carrier, trackingNumber: string): string | undefined => {
  const number = encodeURIComponent(trackingNumber);
  switch (carrier) {
    case "yamato":
      return `https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number01=${number}`;
    case "sagawa":
      return `https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=${number}`;
    case "japanpost":
      return `https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=${number}&locale=ja`;
    case "other":
      return undefined;
  }
};
