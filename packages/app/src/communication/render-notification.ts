import type { Language } from "@owners/domain";
import {
  categoryOf,
  type LocalizableMessage,
  localizeNotification,
} from "./localize-notification.ts";

/** Where a message's links point: relative template links resolve against siteUrl. */
export interface NotificationLinks {
  /** The site's origin, e.g. https://owners.example.jp. */
  readonly siteUrl?: string;
  /** The page that confirms an unsubscribe of this message's category (with its token). */
  readonly unsubscribeUrl?: string;
  /** The notification preferences page. */
  readonly preferencesUrl?: string;
}

export interface RenderedNotification {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const FOOTER = {
  ja: {
    why: "このメールは OWNERS からお送りしています。",
    unsubscribe: "この種類のお知らせを停止する",
    preferences: "お知らせの設定",
  },
  en: {
    why: "You receive this email from OWNERS.",
    unsubscribe: "Stop this kind of notice",
    preferences: "Notification settings",
  },
} as const;

/** Text made safe to place in HTML content and attribute values. */
export const escapeHtml = (text: string): string =>
  text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");

/** An absolute http(s) URL, or none: a link that would be anything else is left out. */
const resolve = (url: string, siteUrl: string | undefined): string | undefined => {
  try {
    const absolute = siteUrl === undefined ? new URL(url) : new URL(url, siteUrl);
    return absolute.protocol === "https:" || absolute.protocol === "http:"
      ? absolute.toString()
      : undefined;
  } catch {
    // A relative link and no site to resolve it against: shown as is in the text only.
    return undefined;
  }
};

const FONT = "font-family:'Hiragino Sans','Noto Sans JP',Meiryo,Arial,sans-serif";

/**
 * One message as an email in the reader's language: subject, a plain-text body and a small
 * inline-styled HTML body (mail clients drop <style>). Every piece of data is HTML-escaped, so a
 * producer's name or a comment cannot inject markup. Messages other than "account" ones carry a
 * footer with the unsubscribe and preferences links. Pure.
 */
export const renderNotification = (
  message: LocalizableMessage,
  language: Language,
  links: NotificationLinks = {},
): RenderedNotification => {
  const localized = localizeNotification(message, language);
  const footer = FOOTER[language];
  const link =
    localized.link === undefined
      ? undefined
      : { label: localized.link.label, url: resolve(localized.link.url, links.siteUrl) };
  const optOut =
    categoryOf(message) === "account"
      ? []
      : [
          ...(links.unsubscribeUrl === undefined
            ? []
            : [{ label: footer.unsubscribe, url: links.unsubscribeUrl }]),
          ...(links.preferencesUrl === undefined
            ? []
            : [{ label: footer.preferences, url: links.preferencesUrl }]),
        ];

  const text = [
    ...localized.paragraphs,
    ...(link?.url === undefined ? [] : [`${link.label}: ${link.url}`]),
    "--",
    footer.why,
    ...optOut.map((l) => `${l.label}: ${l.url}`),
  ].join("\n\n");

  const p = (body: string) =>
    `<p style="margin:0 0 16px;line-height:1.7;white-space:pre-wrap">${escapeHtml(body)}</p>`;
  const button =
    link?.url === undefined
      ? ""
      : `<p style="margin:24px 0"><a href="${escapeHtml(link.url)}" style="display:inline-block;padding:12px 24px;background:#3f6b2a;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold">${escapeHtml(link.label)}</a></p>`;
  const footerLinks = optOut
    .map((l) => `<a href="${escapeHtml(l.url)}" style="color:#6b6b6b">${escapeHtml(l.label)}</a>`)
    .join(" · ");
  const html = [
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(localized.subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f6f4ee;${FONT}">`,
    `<div style="max-width:560px;margin:0 auto;padding:24px;background:#ffffff;color:#222222">`,
    `<div style="font-size:20px;font-weight:bold;color:#3f6b2a;margin-bottom:24px">OWNERS</div>`,
    `<h1 style="font-size:18px;margin:0 0 16px">${escapeHtml(localized.subject)}</h1>`,
    ...localized.paragraphs.map(p),
    button,
    `<hr style="border:none;border-top:1px solid #e2ded3;margin:24px 0">`,
    `<p style="font-size:12px;color:#6b6b6b;margin:0">${escapeHtml(footer.why)}${footerLinks === "" ? "" : `<br>${footerLinks}`}</p>`,
    `</div></body></html>`,
  ].join("");

  return { subject: localized.subject, text, html };
};
