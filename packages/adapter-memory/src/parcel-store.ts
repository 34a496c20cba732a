import {
  type AppError,
  appError,
  type CursorCodec,
  makeCursorCodec,
  type Outbox,
  type ParcelRecord,
  type ParcelStore,
  storeErrors,
} from "@owners/app";
import { addParcelCounts, countChange, NO_PARCELS, type ParcelCounts } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { copy, deferred, deferredValue } from "./deferred.ts";
import { makeMemoryOutbox } from "./outbox.ts";
import { paginate } from "./paginate.ts";

const byId = (a: ParcelRecord, b: ParcelRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The ParcelStore of the memory mode and the use-case tests. Its messages go to the shared memory
 * outbox, checked before the parcel is written, so a duplicate cancels the move as in DynamoDB.
 */
export const makeMemoryParcelStore = (
  cursors: CursorCodec = makeCursorCodec("memory-parcel-cursors"),
  outbox: Outbox = makeMemoryOutbox(),
): ParcelStore => {
  const plans = new Map<string, Map<string, ParcelRecord>>();
  const counts = new Map<string, ParcelCounts>();
  const parcelsOf = (planId: string) => {
    let parcels = plans.get(planId);
    if (parcels === undefined) {
      parcels = new Map();
      plans.set(planId, parcels);
    }
    return parcels;
  };
  const countsOf = (planId: string) => counts.get(planId) ?? NO_PARCELS;
  const page =
    (planId: string, keep: (p: ParcelRecord) => boolean, scope: string) =>
    (request: Parameters<ParcelStore["listByPlan"]>[1]) =>
      deferred(() =>
        paginate(
          [...parcelsOf(planId).values()].filter(keep).sort(byId).map(copy),
          (p) => p.id,
          request,
          cursors,
          scope,
        ),
      );
  return {
    register: (planId, list) =>
      deferred(() => {
        if (list.some((p) => p.planId !== planId))
          return E.left(storeErrors.invalid("every parcel must be of the plan", { planId }));
        const parcels = parcelsOf(planId);
        const fresh = list.filter((p) => !parcels.has(p.id));
        const unique = [...new Map(fresh.map((p) => [p.id, p])).values()];
        for (const parcel of unique) parcels.set(parcel.id, copy(parcel));
        counts.set(
          planId,
          addParcelCounts(countsOf(planId), { total: unique.length, shipped: 0, delivered: 0 }),
        );
        return E.right(unique.length);
      }),
    get: (planId, id) =>
      deferredValue(() => O.map(copy<ParcelRecord>)(O.fromNullable(parcelsOf(planId).get(id)))),
    listByPlan: (planId, request) => page(planId, () => true, `parcels:${planId}`)(request),
    listByOwner: (planId, ownerId, request) =>
      page(planId, (p) => p.ownerId === ownerId, `parcels:${planId}:${ownerId}`)(request),
    saveProgress: (parcel, expectedVersion, messages) => async () => {
      for (const message of messages) {
        const existing = await outbox.get(message.dedupeKey)();
        if (E.isLeft(existing)) return existing;
        if (O.isSome(existing.right))
          return E.left<AppError, ParcelRecord>(
            appError("STORE.DUPLICATE", "a message with this dedupe key exists", {
              dedupeKey: message.dedupeKey,
            }),
          );
      }
      const parcels = parcelsOf(parcel.planId);
      const stored = parcels.get(parcel.id);
      if (stored === undefined)
        return E.left(appError("PARCEL.NOT_FOUND", "no such parcel", { parcelId: parcel.id }));
      if (stored.version !== expectedVersion)
        return E.left(storeErrors.versionConflict("parcel", parcel.id));
      const saved: ParcelRecord = { ...copy(parcel), version: expectedVersion + 1 };
      parcels.set(parcel.id, saved);
      counts.set(
        parcel.planId,
        addParcelCounts(countsOf(parcel.planId), countChange(stored.progress, parcel.progress)),
      );
      if (messages.length > 0) await outbox.enqueue(messages)();
      return E.right(copy(saved));
    },
    counts: (planId) => deferredValue(() => ({ ...countsOf(planId) })),
  };
};
