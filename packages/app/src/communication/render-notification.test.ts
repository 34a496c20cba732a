import { LANGUAGES, type NotificationKind } from "@owners/domain";
import { describe, expect, it } from "vitest";
import { NOTIFICATION_FIXTURES } from "../testing/notification-fixtures.ts";
import { localizeNotification } from "./localize-notification.ts";
import { escapeHtml, renderNotification } from "./render-notification.ts";
import { NOTIFICATION_TEMPLATES } from "./templates/index.ts";
import { MissingTemplateParam } from "./templates/template-params.ts";

const LINKS = {
  siteUrl: "https://owners.example.jp",
  unsubscribeUrl: "https://owners.example.jp/unsubscribe?token=t0k",
  preferencesUrl: "https://owners.example.jp/settings/notifications",
};
const KINDS = Object.keys(NOTIFICATION_TEMPLATES) as NotificationKind[];
const LEFTOVERS = /undefined|NaN|\$\{|\{\{|\[object/;

describe("renderer: every registered kind in ja and en", () => {
  for (const kind of KINDS) {
    for (const language of LANGUAGES) {
      it(`${kind} (${language}) renders from its template with every param present`, () => {
        const message = NOTIFICATION_FIXTURES[kind];
        const template = NOTIFICATION_TEMPLATES[kind];
        expect(template.kind).toBe(kind);
        // Rendering the template itself throws MissingTemplateParam if a param is missing.
        expect(() => template.render(message.params ?? {}, language)).not.toThrow();
        const rendered = renderNotification(message, language, LINKS);
        for (const part of [rendered.subject, rendered.text, rendered.html])
          expect(part).not.toMatch(LEFTOVERS);
        // Not the English fallback: the template's own subject.
        expect(rendered.subject).toBe(template.render(message.params ?? {}, language).subject);
        if (language === "ja") expect(rendered.subject).toMatch(/[\u3040-\u30ff\u4e00-\u9faf]/);
        expect(rendered).toMatchSnapshot();
      });
    }
  }
});

describe("renderer: HTML", () => {
  it("escapes producer-supplied names and titles: no markup gets through", () => {
    const rendered = renderNotification(
      NOTIFICATION_FIXTURES["followed-producer-published"],
      "ja",
      LINKS,
    );
    expect(rendered.html).not.toContain("<img");
    expect(rendered.html).not.toContain("<b>Sato");
    expect(rendered.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Sato");
    // The text body is plain text: kept as written.
    expect(rendered.text).toContain(`<img src=x onerror="alert(1)">Sato`);
  });

  it("shows the link as a button with an absolute URL on the site", () => {
    const rendered = renderNotification(NOTIFICATION_FIXTURES["update-posted"], "en", LINKS);
    expect(rendered.html).toMatch(
      /<a href="https:\/\/owners\.example\.jp\/plans\/pl_1" style="display:inline-block[^"]*">Read more<\/a>/,
    );
    expect(rendered.text).toContain("Read more: https://owners.example.jp/plans/pl_1");
  });

  it("puts unsubscribe and preferences links in the footer, except on account messages", () => {
    const news = renderNotification(NOTIFICATION_FIXTURES["update-posted"], "ja", LINKS);
    expect(news.html).toContain(`href="${LINKS.unsubscribeUrl}"`);
    expect(news.html).toContain(`href="${LINKS.preferencesUrl}"`);
    expect(news.text).toContain(`この種類のお知らせを停止する: ${LINKS.unsubscribeUrl}`);
    const account = renderNotification(NOTIFICATION_FIXTURES["reservation-confirmed"], "ja", LINKS);
    expect(account.html).not.toContain("unsubscribe");
    expect(account.text).not.toContain("unsubscribe");
  });

  it("escapes the five HTML-special characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });

  it("drops a link that is not http(s)", () => {
    const message = {
      ...NOTIFICATION_FIXTURES["update-posted"],
      params: { ...NOTIFICATION_FIXTURES["update-posted"].params, planUrl: "javascript:alert(1)" },
    };
    const rendered = renderNotification(message, "en", LINKS);
    expect(rendered.html).not.toContain("javascript:");
    expect(rendered.text).not.toContain("javascript:");
  });
});

describe("renderer: messages without params", () => {
  it("falls back to the stored English subject and body (a message from before templates)", () => {
    const { params: _, ...legacy } = NOTIFICATION_FIXTURES["sales-closed"];
    const localized = localizeNotification(legacy, "ja");
    expect(localized.subject).toBe(legacy.subject);
    expect(localized.paragraphs.join("\n")).toBe(legacy.body);
  });

  it("falls back when a param is missing, and the template itself says which", () => {
    const message = { ...NOTIFICATION_FIXTURES["sales-closed"], params: { planTitle: "x" } };
    expect(localizeNotification(message, "en").subject).toBe(message.subject);
    expect(() => NOTIFICATION_TEMPLATES["sales-closed"].render({ planTitle: "x" }, "en")).toThrow(
      MissingTemplateParam,
    );
  });
});
