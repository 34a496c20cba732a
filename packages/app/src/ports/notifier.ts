import type { OutboxMessage } from "@owners/domain";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/**
 * What a notification channel needs of an outbox message (an OutboxMessage is one). The flush
 * hands over the message rendered in the recipient's language: `subject` and `body` (plain text),
 * `html` beside them, and the one-click unsubscribe targets for a category that can be turned off.
 */
export type NotificationMessage = Pick<
  OutboxMessage,
  "id" | "recipientId" | "kind" | "subject" | "body" | "dedupeKey"
> & {
  readonly html?: string;
  /** `List-Unsubscribe` targets (with `List-Unsubscribe-Post: List-Unsubscribe=One-Click`). */
  readonly unsubscribe?: { readonly url: string; readonly mailto?: string };
};

export interface Notifier {
  /**
   * Sends the message to its recipient. Delivering the same `dedupeKey` again sends nothing new
   * (the outbox flush is at-least-once). NOTIFY.UNAVAILABLE when the channel is down: retry later.
   */
  deliver(message: NotificationMessage): TE.TaskEither<AppError, void>;
}
