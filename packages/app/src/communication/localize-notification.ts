import type { Language, OutboxMessage } from "@owners/domain";
import { NOTIFICATION_TEMPLATES } from "./templates/index.ts";
import type { LocalizedMessage, NotificationCategory } from "./templates/template.ts";
import { MissingTemplateParam } from "./templates/template-params.ts";

/** What the renderer and the inbox need of a stored message. */
export type LocalizableMessage = Pick<OutboxMessage, "kind" | "subject" | "body" | "params">;

/** The category a message's kind belongs to (what an unsubscribe turns off). */
export const categoryOf = (message: Pick<OutboxMessage, "kind">): NotificationCategory =>
  NOTIFICATION_TEMPLATES[message.kind]?.category ?? "account";

/**
 * The message in the reader's language from its kind's template. A message stored before params
 * existed (or one missing a param) reads as its stored English subject and body: never lost.
 */
export const localizeNotification = (
  message: LocalizableMessage,
  language: Language,
): LocalizedMessage => {
  const fallback: LocalizedMessage = {
    subject: message.subject,
    paragraphs: message.body.split("\n").filter((line) => line.trim() !== ""),
  };
  const template = NOTIFICATION_TEMPLATES[message.kind];
  if (template === undefined || message.params === undefined) return fallback;
  try {
    return template.render(message.params, language);
  } catch (error) {
    if (error instanceof MissingTemplateParam) return fallback;
    throw error;
  }
};
