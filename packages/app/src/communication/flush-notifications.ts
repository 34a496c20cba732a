import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireAdmin } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { MAX_PAGE_LIMIT } from "../pagination.ts";
import type { Clock } from "../ports/clock.ts";
import type { Notifier } from "../ports/notifier.ts";
import type { Outbox, StoredOutboxMessage } from "../ports/outbox.ts";
import type { Personalized } from "./personalize-notification.ts";

export interface FlushNotificationsDeps {
  readonly outbox: Outbox;
  readonly notifier: Notifier;
  readonly clock: Clock;
  /**
   * Renders each message for its recipient (language, HTML, unsubscribe links) or says the
   * recipient turned its category off (`personalizeNotification`). Without it the stored English
   * subject and body go as they are.
   */
  readonly personalize?: (message: StoredOutboxMessage) => TE.TaskEither<AppError, Personalized>;
}

export interface FlushNotificationsInput {
  /** At most this many messages per run (a Lambda's time budget); 1,000 by default. */
  readonly maxMessages?: number;
}

export interface FlushNotificationsReport {
  /** Messages this run delivered and marked. */
  readonly delivered: number;
  /** Messages another flush marked first (the notifier dropped the repeat by dedupeKey). */
  readonly alreadyDelivered: number;
  /** Messages the notifier refused for good (no address, rejected): set aside, not retried. */
  readonly failed: readonly { readonly dedupeKey: string; readonly error: AppError["_tag"] }[];
  /** Messages not sent because the recipient turned their category off (set aside as such). */
  readonly unsubscribed: number;
  /** Whether the run stopped early because the channel is down (NOTIFY.UNAVAILABLE). */
  readonly channelDown: boolean;
}

const DEFAULT_MAX_MESSAGES = 1_000;

/**
 * Drains the outbox through the Notifier, oldest first. Each message is delivered and then marked;
 * the mark succeeds once per message, and a crash between the two makes the next run deliver it
 * again: delivery is at least once, and the Notifier uses the dedupeKey to drop what it can of
 * such repeats (see the channel's own guarantee). A message whose category the recipient turned
 * off is set aside ("unsubscribed") instead of sent.
 * A message the notifier refuses (anything but NOTIFY.UNAVAILABLE) is set aside with its reason,
 * so refusals never pile up at the head of the list and block the rest; a channel that is down
 * stops the run with everything left pending.
 */
export const flushNotifications =
  (deps: FlushNotificationsDeps) =>
  (
    actor: Actor,
    input: FlushNotificationsInput = {},
  ): TE.TaskEither<AppError, FlushNotificationsReport> =>
    pipe(
      requireAdmin(actor),
      TE.chain(() => drain(deps, input.maxMessages ?? DEFAULT_MAX_MESSAGES)),
    );

const drain =
  (
    deps: FlushNotificationsDeps,
    maxMessages: number,
  ): TE.TaskEither<AppError, FlushNotificationsReport> =>
  async () => {
    let delivered = 0;
    let alreadyDelivered = 0;
    let unsubscribed = 0;
    const failed: { dedupeKey: string; error: AppError["_tag"] }[] = [];
    const attempted = new Set<string>();
    const report = (channelDown: boolean): E.Either<AppError, FlushNotificationsReport> =>
      E.right({ delivered, alreadyDelivered, failed, unsubscribed, channelDown });
    while (attempted.size < maxMessages) {
      const pending = await deps.outbox.listPending(
        Math.min(MAX_PAGE_LIMIT, maxMessages - attempted.size),
      )();
      if (E.isLeft(pending)) return pending;
      const fresh: StoredOutboxMessage[] = pending.right.filter((m) => !attempted.has(m.dedupeKey));
      if (fresh.length === 0) return report(false);
      for (const message of fresh.slice(0, maxMessages - attempted.size)) {
        attempted.add(message.dedupeKey);
        const personal =
          deps.personalize === undefined
            ? E.right<AppError, Personalized>(message)
            : await deps.personalize(message)();
        if (E.isLeft(personal)) return personal;
        if (personal.right === "unsubscribed") {
          const setAside = await deps.outbox.setAside(
            message.dedupeKey,
            deps.clock.now(),
            "unsubscribed",
          )();
          if (E.isLeft(setAside)) return setAside;
          unsubscribed += 1;
          continue;
        }
        const sent = await deps.notifier.deliver(personal.right)();
        if (E.isLeft(sent)) {
          if (sent.left._tag === "NOTIFY.UNAVAILABLE") return report(true);
          const setAside = await deps.outbox.setAside(
            message.dedupeKey,
            deps.clock.now(),
            sent.left._tag,
          )();
          if (E.isLeft(setAside)) return setAside;
          failed.push({ dedupeKey: message.dedupeKey, error: sent.left._tag });
          continue;
        }
        const marked = await deps.outbox.markDelivered(message.dedupeKey, deps.clock.now())();
        if (E.isLeft(marked)) return marked;
        if (marked.right === "marked") delivered += 1;
        else alreadyDelivered += 1;
      }
    }
    return report(false);
  };
