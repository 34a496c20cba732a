import type { CursorCodec, ProducerApplicationStore } from "@owners/app";
import { appError } from "@owners/app";
import type { ProducerApplication } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { copy, deferred, deferredValue } from "./deferred.ts";
import { paginate } from "./paginate.ts";

/** The list order: submission time, then id (the DynamoDB index's sort key). */
const sortKeyOf = (a: ProducerApplication) => `${a.submittedAt}#${a.id}`;

/** Producer applications of the memory mode and the use-case tests. */
export const makeMemoryProducerApplicationStore = (
  cursors: CursorCodec,
): ProducerApplicationStore => {
  const applications = new Map<string, ProducerApplication>();
  return {
    get: (id) =>
      deferredValue(() => O.map(copy<ProducerApplication>)(O.fromNullable(applications.get(id)))),
    save: (application, expectedVersion) =>
      deferred(() => {
        const storedVersion = applications.get(application.id)?.version ?? 0;
        if (storedVersion !== expectedVersion)
          return E.left(
            appError("STORE.VERSION_CONFLICT", "the application changed since it was read", {
              id: application.id,
              expectedVersion,
            }),
          );
        const stored = { ...copy(application), version: expectedVersion + 1 };
        applications.set(application.id, stored);
        return E.right(copy(stored));
      }),
    listByStatus: (status, page) =>
      deferred(() => {
        const ordered = [...applications.values()]
          .filter((a) => a.status === status)
          .sort((a, b) => (sortKeyOf(a) < sortKeyOf(b) ? -1 : 1));
        return E.map((p: { items: readonly ProducerApplication[]; nextCursor?: string }) => ({
          ...p,
          items: p.items.map(copy),
        }))(paginate(ordered, sortKeyOf, page, cursors, `applications#${status}`));
      }),
  };
};
