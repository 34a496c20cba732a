import type { Language, NotificationKind } from "@owners/domain";

/** What an unsubscribe link turns off; "account" messages (money, orders) cannot be turned off. */
export type NotificationCategory = "account" | "season" | "news" | "experiences";

/** Template data carried on the outbox message (strings and numbers only: it is stored). */
export type TemplateParams = Readonly<Record<string, string | number>>;

/** One message in one language: the renderer builds the text and HTML bodies from it. */
export interface LocalizedMessage {
  readonly subject: string;
  readonly paragraphs: readonly string[];
  readonly link?: { readonly label: string; readonly url: string };
}

export interface NotificationTemplate {
  readonly kind: NotificationKind;
  readonly category: NotificationCategory;
  readonly render: (params: TemplateParams, language: Language) => LocalizedMessage;
}
