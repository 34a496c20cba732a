import {
  type AppError,
  appError,
  type CursorCodec,
  clampLimit,
  isPending,
  type MarkDeliveredOutcome,
  makeCursorCodec,
  type Outbox,
  type SetAsideOutcome,
  type StoredOutboxMessage,
} from "@owners/app";
import { isFanOutTrigger, type OutboxMessage } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { copy, deferred, deferredValue } from "./deferred.ts";
import { paginate } from "./paginate.ts";

const pendingKey = (m: OutboxMessage) => `${m.at}#${m.dedupeKey}`;

/**
 * The Outbox of the memory mode and the use-case tests. `messages` is shared with the reservation
 * database when the stores write notices in the same (synchronous) write as their change.
 */
export const makeMemoryOutbox = (
  cursors: CursorCodec = makeCursorCodec("memory-outbox-cursors"),
  messages: Map<string, StoredOutboxMessage> = new Map(),
): Outbox => {
  /**
   * Applies `patch` to a pending message once: `settled` for that call, `already` for any call
   * after the message was delivered or set aside.
   */
  const settle = <Outcome extends MarkDeliveredOutcome | SetAsideOutcome>(
    dedupeKey: string,
    patch: Pick<StoredOutboxMessage, "deliveredAt" | "setAside">,
    settled: Outcome,
    already: Outcome,
  ) =>
    deferred((): E.Either<AppError, Outcome> => {
      const stored = messages.get(dedupeKey);
      if (stored === undefined)
        return E.left(
          appError("OUTBOX.NOT_FOUND", "no message with this dedupeKey", { dedupeKey }),
        );
      if (!isPending(stored)) return E.right(already);
      messages.set(dedupeKey, { ...stored, ...patch });
      return E.right(settled);
    });
  const pendingWhere = (limit: number, keep: (m: StoredOutboxMessage) => boolean) =>
    deferredValue(() =>
      [...messages.values()]
        .filter((m) => isPending(m) && keep(m))
        .sort((a, b) =>
          pendingKey(a) < pendingKey(b) ? -1 : pendingKey(a) > pendingKey(b) ? 1 : 0,
        )
        .slice(0, clampLimit(limit))
        .map(copy),
    );
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
    listPending: (limit) => pendingWhere(limit, (m) => !isFanOutTrigger(m)),
    listPendingFanOuts: (limit) => pendingWhere(limit, isFanOutTrigger),
    markDelivered: (dedupeKey, at) =>
      settle(dedupeKey, { deliveredAt: at }, "marked", "already-delivered"),
    setAside: (dedupeKey, at, reason) =>
      settle(dedupeKey, { setAside: { at, reason } }, "set-aside", "already-settled"),
    listByRecipient: (recipientId, page) =>
      deferred(() =>
        paginate(
          [...messages.values()]
            .filter((m) => m.recipientId === recipientId)
            .sort((a, b) =>
              pendingKey(a) < pendingKey(b) ? -1 : pendingKey(a) > pendingKey(b) ? 1 : 0,
            )
            .map(copy),
          pendingKey,
          page,
          cursors,
          `outbox-to:${recipientId}`,
        ),
      ),
    erase: (dedupeKey, at) =>
      deferredValue(() => {
        const stored = messages.get(dedupeKey);
        if (stored === undefined) return;
        const { params: _erased, ...rest } = stored;
        messages.set(dedupeKey, {
          ...rest,
          subject: "",
          body: "",
          ...(isPending(stored) ? { setAside: { at, reason: "account-closed" } } : {}),
        });
      }),
    get: (dedupeKey) =>
      deferredValue(() =>
        O.map(copy<StoredOutboxMessage>)(O.fromNullable(messages.get(dedupeKey))),
      ),
    listInbox: (recipientId, page) =>
      deferred(() =>
        paginate(
          [...messages.values()]
            .filter((m) => m.recipientId === recipientId)
            .sort((a, b) =>
              pendingKey(a) < pendingKey(b) ? 1 : pendingKey(a) > pendingKey(b) ? -1 : 0,
            )
            .map(copy),
          pendingKey,
          page,
          cursors,
          `inbox:${recipientId}`,
          true,
        ),
      ),
    markRead: (recipientId, dedupeKey, at) =>
      deferred((): E.Either<AppError, void> => {
        const stored = messages.get(dedupeKey);
        if (stored === undefined || stored.recipientId !== recipientId)
          return E.left(appError("OUTBOX.NOT_FOUND", "no such message for this recipient", {}));
        if (stored.readAt === undefined) messages.set(dedupeKey, { ...stored, readAt: at });
        return E.right(undefined);
      }),
  };
};
