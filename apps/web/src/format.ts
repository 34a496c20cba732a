import type { Lang } from "./i18n/translate";

const locale = (lang: Lang) => (lang === "ja" ? "ja-JP" : "en-US");

/** Integer yen, grouped: 12,800円 / ¥12,800. */
export const formatYen = (lang: Lang, yen: number): string =>
  lang === "ja" ? `${yen.toLocaleString("ja-JP")}円` : `¥${yen.toLocaleString("en-US")}`;

/** A day (YYYY-MM-DD) or an instant, as a date in Japan. */
export const formatDate = (lang: Lang, value: string): string => {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? new Date(`${value}T00:00:00+09:00`)
    : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleDateString(locale(lang), {
    timeZone: "Asia/Tokyo",
    year: "numeric",
    month: "short",
    day: "numeric",
  });
};

export const formatDateTime = (lang: Lang, value: string): string => {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString(locale(lang), {
    timeZone: "Asia/Tokyo",
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
};
