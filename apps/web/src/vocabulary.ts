import type { MessageKey } from "./i18n/messages-ja";
import { isMessageKey } from "./i18n/translate";

/** The regions the platform ships to (keys of the shipping tables; lowercase romanised). */
export const REGIONS = [
  "hokkaido",
  "tohoku",
  "kanto",
  "chubu",
  "kinki",
  "chugoku",
  "shikoku",
  "kyushu",
  "okinawa",
] as const;

export const CATEGORIES = ["fruit", "vegetable", "rice", "seafood", "processed"] as const;
export const SEASONS = ["spring", "summer", "autumn", "winter"] as const;
export type Season = (typeof SEASONS)[number];

/** The season a delivery starts in (Japan's months: spring is March to May). */
export const seasonOf = (day: string): Season => {
  const month = Number(day.slice(5, 7));
  if (month >= 3 && month <= 5) return "spring";
  if (month >= 6 && month <= 8) return "summer";
  if (month >= 9 && month <= 11) return "autumn";
  return "winter";
};

/** A label for a free-text value with a known translation (region, category), else the value. */
export const labelOf = (t: (key: MessageKey) => string, prefix: string, value: string): string => {
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? t(key) : value;
};
