import type { NotificationMessage, Notifier } from "@owners/app";
import { appError, markDevOnly } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";

export interface MemoryNotifier extends Notifier {
  /** What recipients received, in order, each dedupe key once. */
  delivered(): readonly NotificationMessage[];
  /** Calls to `deliver`, repeats and failures included (how a test sees retries). */
  attempts(): number;
  /** While false, `deliver` fails with NOTIFY.UNAVAILABLE and records nothing. */
  setAvailable(available: boolean): void;
}

/** The Notifier of the memory mode and the tests: records instead of sending. */
export const makeMemoryNotifier = (): MemoryNotifier => {
  const sent: NotificationMessage[] = [];
  const seen = new Set<string>();
  let attempts = 0;
  let available = true;
  return markDevOnly<MemoryNotifier>(
    {
      deliver: (message) => () => {
        attempts += 1;
        if (!available)
          return Promise.resolve(
            E.left(appError("NOTIFY.UNAVAILABLE", "the notification channel is down")),
          );
        if (!seen.has(message.dedupeKey)) {
          seen.add(message.dedupeKey);
          sent.push({ ...message });
        }
        return Promise.resolve(E.right(undefined));
      },
      delivered: () => [...sent],
      attempts: () => attempts,
      setAvailable: (value) => {
        available = value;
      },
    },
    "in-memory notifier",
  );
};
