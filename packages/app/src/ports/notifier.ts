import type { OutboxMessage } from "@owners/domain";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/** What a notification channel needs of an outbox message (an OutboxMessage is one). */
export type NotificationMessage = Pick<
  OutboxMessage,
  "id" | "recipientId" | "kind" | "subject" | "body" | "dedupeKey"
>;

export interface Notifier {
  /**
   * Sends the message to its recipient. Delivering the same `dedupeKey` again sends nothing new
   * (the outbox flush is at-least-once). NOTIFY.UNAVAILABLE when the channel is down: retry later.
   */
  deliver(message: NotificationMessage): TE.TaskEither<AppError, void>;
}
