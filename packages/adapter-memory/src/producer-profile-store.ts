import { appError, type CursorCodec, type ProducerProfileStore } from "@owners/app";
import type { ProducerId, ProducerProfile } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { copy, deferred, deferredValue } from "./deferred.ts";
import { paginate } from "./paginate.ts";

const sortKey = (p: ProducerProfile) => `${p.approvedAt}#${p.producerId}`;

/** The ProducerProfileStore of the memory mode and the use-case tests (dev-only). */
export const makeMemoryProducerProfileStore = (cursors: CursorCodec): ProducerProfileStore => {
  const profiles = new Map<string, ProducerProfile>();
  return {
    get: (id) =>
      deferredValue(() => O.map(copy<ProducerProfile>)(O.fromNullable(profiles.get(id)))),
    save: (profile, expectedVersion) =>
      deferred(() => {
        const storedVersion = profiles.get(profile.producerId)?.version ?? 0;
        if (storedVersion !== expectedVersion)
          return E.left(
            appError("STORE.VERSION_CONFLICT", "the producer profile changed since it was read", {
              producerId: profile.producerId,
              expectedVersion,
            }),
          );
        const stored = { ...copy(profile), version: expectedVersion + 1 };
        profiles.set(profile.producerId, stored);
        return E.right(copy(stored));
      }),
    getMany: (ids) =>
      deferredValue(() => {
        const found = new Map<ProducerId, ProducerProfile>();
        for (const id of ids) {
          const p = profiles.get(id);
          if (p !== undefined) found.set(id, copy(p));
        }
        return found;
      }),
    list: ({ prefecture, category, cursor, limit }) =>
      deferred(() => {
        const matching = [...profiles.values()]
          .filter((p) => prefecture === undefined || p.prefecture === prefecture)
          .filter((p) => category === undefined || p.categories.includes(category))
          .sort((a, b) => (sortKey(a) < sortKey(b) ? 1 : -1));
        const page = paginate(
          matching,
          sortKey,
          cursor === undefined ? { limit } : { limit, cursor },
          cursors,
          `producers:${JSON.stringify([prefecture ?? null, category ?? null])}`,
          true,
        );
        return E.map((p: { items: readonly ProducerProfile[]; nextCursor?: string }) => ({
          ...p,
          items: p.items.map(copy<ProducerProfile>),
        }))(page);
      }),
    remove: (id) =>
      deferredValue(() => {
        profiles.delete(id);
      }),
  };
};
