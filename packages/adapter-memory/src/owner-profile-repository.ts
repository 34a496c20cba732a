import type { AppError, OwnerProfile, OwnerProfileRepository } from "@owners/app";
import { appError } from "@owners/app";
import type { AuditEntry, OwnerId } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { copy, deferred, deferredValue } from "./deferred.ts";

/**
 * The OwnerProfileRepository of the memory mode and the use-case tests. `appendAudit` checks and
 * returns the write of a save's audit entries (the shared audit log's), so both land or neither.
 */
export const makeMemoryOwnerProfileRepository = (
  appendAudit?: (entries: readonly AuditEntry[]) => E.Either<AppError, () => void>,
): OwnerProfileRepository => {
  const profiles = new Map<string, OwnerProfile>();
  return {
    get: (ownerId) =>
      deferredValue(() => O.map(copy<OwnerProfile>)(O.fromNullable(profiles.get(ownerId)))),
    save: (profile, expectedVersion, audit = []) =>
      deferred(() => {
        const storedVersion = profiles.get(profile.ownerId)?.version ?? 0;
        if (storedVersion !== expectedVersion)
          return E.left(
            appError("STORE.VERSION_CONFLICT", "the profile changed since it was read", {
              ownerId: profile.ownerId,
              expectedVersion,
            }),
          );
        const append =
          audit.length === 0 || appendAudit === undefined ? E.right(() => {}) : appendAudit(audit);
        if (E.isLeft(append)) return append;
        const stored = { ...copy(profile), version: expectedVersion + 1 };
        profiles.set(profile.ownerId, stored);
        append.right();
        return E.right(copy(stored));
      }),
    delete: (ownerId) =>
      deferredValue(() => {
        profiles.delete(ownerId);
      }),
    getMany: (ownerIds) =>
      deferredValue(() => {
        const found = new Map<OwnerId, OwnerProfile>();
        for (const ownerId of ownerIds) {
          const profile = profiles.get(ownerId);
          if (profile !== undefined) found.set(ownerId, copy(profile));
        }
        return found;
      }),
  };
};
