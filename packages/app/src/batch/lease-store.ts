import type { Instant } from "@owners/domain";
import type * as O from "fp-ts/lib/Option.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/** The right of one invocation to run a batch over a scope until `expiresAt`, unless renewed. */
export interface Lease {
  readonly batch: string;
  readonly scope: string;
  /** The invocation holding it (a Lambda request id, a CLI process, a sweep). */
  readonly owner: string;
  readonly acquiredAt: Instant;
  readonly expiresAt: Instant;
}

/**
 * Mutual exclusion of batch runs: one holder per (batch, scope) at a time. A holder that dies
 * keeps the lease until it expires; then anyone may take it.
 */
export interface LeaseStore {
  /**
   * Takes the lease of (batch, scope) for `owner` until `expiresAt`, if it is free, expired at `now`,
   * or already `owner`'s (then it is extended); BATCH.LEASE_HELD with the holder otherwise.
   */
  acquire(
    batch: string,
    scope: string,
    owner: string,
    now: Instant,
    expiresAt: Instant,
  ): TE.TaskEither<AppError, Lease>;
  /** Moves `owner`'s lease to `expiresAt`; BATCH.LEASE_HELD if `owner` no longer holds it (lost). */
  renew(
    batch: string,
    scope: string,
    owner: string,
    expiresAt: Instant,
  ): TE.TaskEither<AppError, Lease>;
  /** Gives the lease up if `owner` holds it; succeeds without writing when it does not. */
  release(batch: string, scope: string, owner: string): TE.TaskEither<AppError, void>;
  /** The lease as stored (expired or not), or none when free. */
  get(batch: string, scope: string): TE.TaskEither<AppError, O.Option<Lease>>;
}

/** Held by someone else: how acquire and renew say no. */
export const leaseHeldDetails = (
  lease: Pick<Lease, "batch" | "scope" | "owner" | "expiresAt"> | undefined,
  batch: string,
  scope: string,
) =>
  lease === undefined
    ? { batch, scope }
    : { batch, scope, holder: lease.owner, expiresAt: lease.expiresAt };
