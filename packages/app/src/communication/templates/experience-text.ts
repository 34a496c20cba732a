import type { Language } from "@owners/domain";
import type { TemplateParams } from "./template.ts";
import { param, when } from "./template-params.ts";

/** The experience notices' shared wording: title, start (Japan time), seats, meeting point. */
export const experienceText = (p: TemplateParams, language: Language) => {
  const seats = Number(param(p, "seats"));
  const location = param(p, "location");
  return {
    title: param(p, "title"),
    // Japan time with the hour, like every other notice (template-params.ts).
    at: when(p, "startsAt", language),
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
