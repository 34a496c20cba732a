import { ADMINS_RECIPIENT, DEFAULT_LANGUAGE, type Language, type OwnerId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { NotificationMessage } from "../ports/notifier.ts";
import type { StoredOutboxMessage } from "../ports/outbox.ts";
import type { OwnerProfileRepository } from "../ports/owner-profile-repository.ts";
import { categoryOf } from "./localize-notification.ts";
import { type NotificationLinkConfig, recipientLinks } from "./notification-links.ts";
import { renderNotification } from "./render-notification.ts";
import { isTurnedOff } from "./unsubscribe-token.ts";

export interface PersonalizeDeps {
  /** The recipient's language and category choices (owners; a producer's by the same id). */
  readonly profiles: OwnerProfileRepository;
  /** Without it, mails carry no unsubscribe links (local runs, tests) and links stay relative. */
  readonly links?: NotificationLinkConfig;
}

/** "unsubscribed": the recipient turned this message's category off; it is not sent. */
export type Personalized = NotificationMessage | "unsubscribed";

/**
 * The outbox message as its recipient should get it: rendered in the recipient's language (ja
 * when it never chose), HTML + text, with its unsubscribe links; or "unsubscribed".
 */
export const personalizeNotification =
  (deps: PersonalizeDeps) =>
  (message: StoredOutboxMessage): TE.TaskEither<AppError, Personalized> => {
    const category = categoryOf(message);
    const choices: TE.TaskEither<
      AppError,
      { language: Language; off: Readonly<Record<string, boolean>> }
    > =
      message.recipientId === ADMINS_RECIPIENT
        ? TE.right({ language: DEFAULT_LANGUAGE, off: {} })
        : pipe(
            deps.profiles.get(message.recipientId as OwnerId),
            TE.map(
              O.match(
                () => ({ language: DEFAULT_LANGUAGE, off: {} }),
                (p) => ({ language: p.language, off: p.notifications }),
              ),
            ),
          );
    return pipe(
      choices,
      TE.map(({ language, off }): Personalized => {
        if (isTurnedOff(off, category)) return "unsubscribed";
        const links =
          deps.links === undefined || message.recipientId === ADMINS_RECIPIENT
            ? undefined
            : recipientLinks(deps.links, message.recipientId, category);
        const rendered = renderNotification(message, language, links);
        return {
          id: message.id,
          recipientId: message.recipientId,
          kind: message.kind,
          dedupeKey: message.dedupeKey,
          subject: rendered.subject,
          body: rendered.text,
          html: rendered.html,
          ...(links?.oneClick === undefined ? {} : { unsubscribe: links.oneClick }),
        };
      }),
    );
  };
