import {
  type MessageHeader,
  type SESv2Client,
  SendEmailCommand,
  type SendEmailRequest,
} from "@aws-sdk/client-sesv2";
import { type AppError, appError, type NotificationMessage, type Notifier } from "@owners/app";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { LRUCache } from "lru-cache";
import { emailTags } from "./email-tags.ts";
import type { RecipientDirectory } from "./recipient-directory.ts";
import { sesFailure } from "./ses-errors.ts";

export interface SesNotifierConfig {
  readonly ses: SESv2Client;
  /** FromEmailAddress: a verified SES identity, e.g. `OWNERS <noreply@example.jp>`. */
  readonly from: string;
  /** The configuration set whose event destinations receive the send/bounce/complaint events. */
  readonly configurationSetName?: string;
  readonly recipients: RecipientDirectory;
  /** Dedupe keys this process remembers having sent; 10,000 by default. */
  readonly sentMemorySize?: number;
}

const DEFAULT_SENT_MEMORY = 10_000;
const UTF8 = "UTF-8";

/**
 * The List-Unsubscribe headers of a message that can be turned off (RFC 8058 one-click: the
 * provider POSTs `List-Unsubscribe=One-Click` to the https URL), none for account mail.
 */
export const unsubscribeHeaders = (message: NotificationMessage): MessageHeader[] =>
  message.unsubscribe === undefined
    ? []
    : [
        {
          Name: "List-Unsubscribe",
          Value: [message.unsubscribe.url, message.unsubscribe.mailto]
            .filter((target) => target !== undefined)
            .map((target) => `<${target}>`)
            .join(", "),
        },
        { Name: "List-Unsubscribe-Post", Value: "List-Unsubscribe=One-Click" },
      ];

/**
 * The SendEmail request for one message to one address: text (and HTML when rendered), UTF-8,
 * tagged, with the unsubscribe headers (SES v2 `Content.Simple.Headers`).
 */
export const sendEmailRequest = (
  config: Pick<SesNotifierConfig, "from" | "configurationSetName">,
  message: NotificationMessage,
  to: string,
): SendEmailRequest => {
  const headers = unsubscribeHeaders(message);
  return {
    FromEmailAddress: config.from,
    Destination: { ToAddresses: [to] },
    Content: {
      Simple: {
        Subject: { Data: message.subject, Charset: UTF8 },
        Body: {
          Text: { Data: message.body, Charset: UTF8 },
          ...(message.html === undefined ? {} : { Html: { Data: message.html, Charset: UTF8 } }),
        },
        ...(headers.length === 0 ? {} : { Headers: headers }),
      },
    },
    EmailTags: emailTags(message),
    ...(config.configurationSetName === undefined
      ? {}
      : { ConfigurationSetName: config.configurationSetName }),
  };
};

/**
 * The Notifier on Amazon SES (v2 SendEmail): each message goes as a UTF-8 email (text, and HTML
 * when the flush rendered it) to the recipient's verified address, found through the RecipientDirectory.
 *
 * Delivery guarantee. SES has no idempotency key, so this adapter cannot make a repeated
 * `deliver` of the same dedupeKey a no-op across processes. What holds:
 * - the flush marks a message delivered in the outbox (conditional write, once per dedupeKey)
 *   only after SES accepted it, and lists only unmarked messages, under a lease (one flush at
 *   a time): a message is sent again only if the run dies or fails between SES's acceptance and
 *   the mark; then the next run sends it once more (at least once; a duplicate per such failure);
 * - this process also remembers the dedupeKeys it sent (bounded, least recently used dropped):
 *   when the mark failed but the process lives on (a DynamoDB error, the retry landing on the
 *   same warm Lambda), the retry is answered "delivered" without a second email. Only a process
 *   that dies in that window, or a retry on another Lambda instance, can resend.
 *
 * Failures: no verified address -> AUTH.FORBIDDEN (we may not mail this recipient); SES refusing
 * this message -> VALIDATION.INVALID; for both the flush sets the message aside for good (it is
 * not retried) and goes on.
 * Everything channel-wide -> NOTIFY.UNAVAILABLE (the flush stops and retries later); see
 * `sesFailure`.
 */
export const makeSesNotifier = (config: SesNotifierConfig): Notifier => {
  const sent = new LRUCache<string, true>({ max: config.sentMemorySize ?? DEFAULT_SENT_MEMORY });

  const send = (message: NotificationMessage, to: string): TE.TaskEither<AppError, void> =>
    TE.tryCatch(
      async () => {
        await config.ses.send(new SendEmailCommand(sendEmailRequest(config, message, to)));
        sent.set(message.dedupeKey, true);
      },
      (error) => sesFailure(error, message.dedupeKey),
    );

  const toRecipient = (message: NotificationMessage): TE.TaskEither<AppError, void> =>
    pipe(
      config.recipients.emailOf(message.recipientId),
      TE.chain(
        O.match(
          () =>
            TE.left(
              appError("AUTH.FORBIDDEN", "the recipient has no verified email address", {
                recipientId: message.recipientId,
                dedupeKey: message.dedupeKey,
              }),
            ),
          (to) => send(message, to),
        ),
      ),
    );

  return {
    deliver: (message) =>
      pipe(
        TE.fromIO(() => sent.has(message.dedupeKey)),
        TE.chain((alreadySent) => (alreadySent ? TE.right(undefined) : toRecipient(message))),
      ),
  };
};
