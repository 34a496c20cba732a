import type { NotificationLinks } from "./render-notification.ts";
import type { NotificationCategory } from "./templates/template.ts";
import {
  isOptionalCategory,
  makeUnsubscribeTokens,
  type UnsubscribeTokens,
} from "./unsubscribe-token.ts";

/** Where mail links go: the site for pages, the API for the one-click POST. */
export interface NotificationLinkConfig {
  /** The site's origin (pages: the plan, the unsubscribe confirmation, preferences). */
  readonly siteUrl: string;
  /** The API's base URL: mail providers POST `<apiUrl>/unsubscribe?token=` (one click). */
  readonly apiUrl: string;
  readonly tokens: UnsubscribeTokens;
  /** An address that unsubscribes whoever writes to it (the List-Unsubscribe mailto), if any. */
  readonly unsubscribeMailbox?: string;
}

/** The site page where a signed-in person sets its notification categories. */
export const PREFERENCES_PATH = "/settings/notifications";

export interface RecipientLinks extends NotificationLinks {
  /** The List-Unsubscribe header's targets, for a category that can be turned off. */
  readonly oneClick?: { readonly url: string; readonly mailto?: string };
}

const withToken = (base: string, path: string, token: string) => {
  const url = new URL(path, base.endsWith("/") ? base : `${base}/`);
  url.searchParams.set("token", token);
  return url.toString();
};

/** The links of one message to one recipient (signed with the recipient and the category). */
export const recipientLinks = (
  config: NotificationLinkConfig,
  recipientId: string,
  category: NotificationCategory,
): RecipientLinks => {
  const base = {
    siteUrl: config.siteUrl,
    preferencesUrl: new URL(PREFERENCES_PATH, config.siteUrl).toString(),
  };
  if (!isOptionalCategory(category)) return base;
  const token = config.tokens.sign(recipientId, category);
  return {
    ...base,
    unsubscribeUrl: withToken(config.siteUrl, "unsubscribe", token),
    oneClick: {
      url: withToken(config.apiUrl, "unsubscribe", token),
      ...(config.unsubscribeMailbox === undefined
        ? {}
        : {
            mailto: `mailto:${config.unsubscribeMailbox}?subject=${encodeURIComponent(`unsubscribe ${token}`)}`,
          }),
    },
  };
};

/**
 * The link config from an app's settings: none without a site or a secret (then mails carry no
 * unsubscribe links, and the API refuses every token). The API defaults to the site's `/api`.
 */
export const notificationLinksFrom = (settings: {
  readonly siteUrl: string | undefined;
  readonly apiUrl: string | undefined;
  readonly secret: string | undefined;
  readonly mailbox: string | undefined;
}): NotificationLinkConfig | undefined =>
  settings.siteUrl === undefined || settings.secret === undefined
    ? undefined
    : {
        siteUrl: settings.siteUrl,
        apiUrl: settings.apiUrl ?? new URL("/api", settings.siteUrl).toString(),
        tokens: makeUnsubscribeTokens(settings.secret),
        ...(settings.mailbox === undefined ? {} : { unsubscribeMailbox: settings.mailbox }),
      };
