import type { CursorCodec, ProducerProfileStore } from "@owners/app";
import { appError } from "@owners/app";
import type { ProducerId, ProducerProfile } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { copy, deferred, deferredValue } from "./deferred.ts";
import { paginate } from "./paginate.ts";

/** Newest approval first, as the listing reads (inverted for the ascending paginator). */
const sortKeyOf = (p: ProducerProfile) => `${p.approvedAt}#${p.producerId}`;

/**
 * Producer profiles in memory (a minimal store so approval can create a profile; lane E's own
 * adapter replaces this file at the merge).
 */
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
            appError("STORE.VERSION_CONFLICT", "the profile changed since it was read", {
              producerId: profile.producerId,
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
          const profile = profiles.get(id);
          if (profile !== undefined) found.set(id, copy(profile));
        }
        return found;
      }),
    list: (query) =>
      deferred(() => {
        const ordered = [...profiles.values()]
          .filter(
            (p) =>
              (query.prefecture === undefined || p.prefecture === query.prefecture) &&
              (query.category === undefined || p.categories.includes(query.category)),
          )
          .sort((a, b) => (sortKeyOf(a) < sortKeyOf(b) ? 1 : -1));
        return paginate(
          ordered,
          sortKeyOf,
          { limit: query.limit, ...(query.cursor === undefined ? {} : { cursor: query.cursor }) },
          cursors,
          `producers#${query.prefecture ?? ""}#${query.category ?? ""}`,
          true,
        );
      }),
  };
};
