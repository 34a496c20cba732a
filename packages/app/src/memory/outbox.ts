import type { OutboxMessage } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { type AppError, appError } from "../errors.ts";
import { clampLimit } from "../pagination.ts";
import type {
  MarkDeliveredOutcome,
  Outbox,
  SetAsideOutcome,
  StoredOutboxMessage,
} from "../ports/outbox.ts";
import { copy, deferred, deferredValue } from "./deferred.ts";

const pendingKey = (m: OutboxMessage) => `${m.at}#${m.dedupeKey}`;

/** The Outbox of the memory mode and the use-case tests. */
export const makeMemoryOutbox = (): Outbox => {
  const messages = new Map<string, StoredOutboxMessage>();
  return {
    enqueue: (list) =>
      deferredValue(() => {
        let enqueued = 0;
        for (const message of list) {
          if (messages.has(message.dedupeKey)) continue;
          messages.set(message.dedupeKey, copy(message));
          enqueued += 1;
        }
        return { enqueued, duplicates: list.length - enqueued };
      }),
    listPending: (limit) =>
      deferredValue(() =>
        [...messages.values()]
          .filter((m) => m.deliveredAt === undefined && m.setAside === undefined)
          .sort((a, b) =>
            pendingKey(a) < pendingKey(b) ? -1 : pendingKey(a) > pendingKey(b) ? 1 : 0,
          )
          .slice(0, clampLimit(limit))
          .map(copy),
      ),
    markDelivered: (dedupeKey, at) =>
      deferred((): E.Either<AppError, MarkDeliveredOutcome> => {
        const stored = messages.get(dedupeKey);
        if (stored === undefined)
          return E.left(
            appError("OUTBOX.NOT_FOUND", "no message with this dedupeKey", { dedupeKey }),
          );
        if (stored.deliveredAt !== undefined || stored.setAside !== undefined)
          return E.right("already-delivered");
        messages.set(dedupeKey, { ...stored, deliveredAt: at });
        return E.right("marked");
      }),
    setAside: (dedupeKey, at, reason) =>
      deferred((): E.Either<AppError, SetAsideOutcome> => {
        const stored = messages.get(dedupeKey);
        if (stored === undefined)
          return E.left(
            appError("OUTBOX.NOT_FOUND", "no message with this dedupeKey", { dedupeKey }),
          );
        if (stored.deliveredAt !== undefined || stored.setAside !== undefined)
          return E.right("already-settled");
        messages.set(dedupeKey, { ...stored, setAside: { at, reason } });
        return E.right("set-aside");
      }),
    get: (dedupeKey) =>
      deferredValue(() =>
        O.map(copy<StoredOutboxMessage>)(O.fromNullable(messages.get(dedupeKey))),
      ),
  };
};
