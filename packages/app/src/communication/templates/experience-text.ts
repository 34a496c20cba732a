import type { Language } from "@owners/domain";
import type { TemplateParams } from "./template.ts";

/** The experience notices' shared wording: title, start (Japan time), seats, meeting point. */
export const experienceText = (p: TemplateParams, language: Language) => {
  const text = (key: string) => String(p[key] ?? "");
  const startsAt = text("startsAt");
  const at = Number.isNaN(Date.parse(startsAt))
    ? startsAt
    : new Intl.DateTimeFormat(language === "ja" ? "ja-JP" : "en-GB", {
        timeZone: "Asia/Tokyo",
        dateStyle: "long",
        timeStyle: "short",
      }).format(new Date(startsAt));
  const seats = Number(p.seats ?? 0);
  const location = text("location");
  return {
    title: text("title"),
    at,
    seats: language === "ja" ? `${seats}席` : `${seats} seat${seats === 1 ? "" : "s"}`,
    where:
      location === ""
        ? []
        : [language === "ja" ? `集合場所: ${location}` : `Meeting point: ${location}`],
    link:
      language === "ja"
        ? { label: "予約を確認する", url: "/me" }
        : { label: "See your bookings", url: "/me" },
  };
};
