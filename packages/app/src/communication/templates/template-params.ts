import type { Language } from "@owners/domain";
import type { TemplateParams } from "./template.ts";

/** A template asked for data its message does not carry: a bug in the producer of the message. */
export class MissingTemplateParam extends Error {
  constructor(readonly key: string) {
    super(`missing template param "${key}"`);
  }
}

/** The param as text; throws MissingTemplateParam when absent (the renderer falls back). */
export const param = (params: TemplateParams, key: string): string => {
  const value = params[key];
  if (value === undefined) throw new MissingTemplateParam(key);
  return String(value);
};

const asNumber = (params: TemplateParams, key: string): number => {
  const value = Number(param(params, key));
  if (!Number.isFinite(value)) throw new MissingTemplateParam(key);
  return value;
};

/** A count with the language's grouping (1,234). */
export const count = (params: TemplateParams, key: string, language: Language): string =>
  asNumber(params, key).toLocaleString(language === "ja" ? "ja-JP" : "en-US");

/** Yen: "1,234円" in Japanese, "¥1,234" in English. */
export const yen = (params: TemplateParams, key: string, language: Language): string => {
  const n = asNumber(params, key).toLocaleString("ja-JP");
  return language === "ja" ? `${n}円` : `¥${n}`;
};

const JST = "Asia/Tokyo";

/**
 * A date (YYYY-MM-DD, shown as is) or an instant (ISO, shown in Japan time with the hour), in the
 * reader's language: "2026年8月1日" / "1 August 2026".
 */
export const when = (params: TemplateParams, key: string, language: Language): string => {
  const raw = param(params, key);
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(raw);
  const date = new Date(dateOnly ? `${raw}T00:00:00Z` : raw);
  if (Number.isNaN(date.getTime())) return raw;
  const locale = language === "ja" ? "ja-JP" : "en-GB";
  return new Intl.DateTimeFormat(locale, {
    timeZone: dateOnly ? "UTC" : JST,
    year: "numeric",
    month: "long",
    day: "numeric",
    ...(dateOnly ? {} : { hour: "2-digit", minute: "2-digit", timeZoneName: "short" }),
  }).format(date);
};
