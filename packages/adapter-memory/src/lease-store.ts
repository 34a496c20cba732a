import {
  type AppError,
  appError,
  type Lease,
  type LeaseStore,
  leaseHeldDetails,
} from "@owners/app";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";

const keyOf = (batch: string, scope: string) => JSON.stringify([batch, scope]);

const held = (lease: Lease | undefined, batch: string, scope: string) =>
  E.left<AppError, Lease>(
    appError(
      "BATCH.LEASE_HELD",
      `another run holds ${batch} for ${scope}`,
      leaseHeldDetails(lease, batch, scope),
    ),
  );

/** Leases in a Map, decided exactly as the DynamoDB store's conditions decide them. */
export const makeMemoryLeaseStore = (): LeaseStore => {
  const leases = new Map<string, Lease>();
  return {
    acquire: (batch, scope, owner, now, expiresAt) =>
      TE.fromIOEither(() => {
        const key = keyOf(batch, scope);
        const current = leases.get(key);
        if (current !== undefined && current.owner !== owner && current.expiresAt > now)
          return held(current, batch, scope);
        const lease: Lease = { batch, scope, owner, acquiredAt: now, expiresAt };
        leases.set(key, lease);
        return E.right({ ...lease });
      }),
    renew: (batch, scope, owner, expiresAt) =>
      TE.fromIOEither(() => {
        const key = keyOf(batch, scope);
        const current = leases.get(key);
        if (current === undefined || current.owner !== owner) return held(current, batch, scope);
        const lease: Lease = { ...current, expiresAt };
        leases.set(key, lease);
        return E.right({ ...lease });
      }),
    release: (batch, scope, owner) =>
      TE.fromIO(() => {
        const key = keyOf(batch, scope);
        if (leases.get(key)?.owner === owner) leases.delete(key);
      }),
    get: (batch, scope) =>
      TE.fromIO(() => {
        const lease = leases.get(keyOf(batch, scope));
        return lease === undefined ? O.none : O.some({ ...lease });
      }),
  };
};
