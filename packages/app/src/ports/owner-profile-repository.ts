import type { Instant, OwnerId } from "@owners/domain";
import type * as O from "fp-ts/lib/Option.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/** Where an owner's boxes go: printed on the shipping label as is. */
export interface ShippingAddress {
  readonly recipientName: string;
  /** Japanese postal code, `123-4567`. */
  readonly postalCode: string;
  readonly prefecture: string;
  readonly city: string;
  readonly line1: string;
  readonly line2?: string;
  readonly phone: string;
}

/** An owner's shipping details; snapshotted onto each shipment when it is scheduled. */
export interface OwnerProfile {
  readonly ownerId: OwnerId;
  readonly address: ShippingAddress;
  /** Shipping region: a key of the transit table (e.g. "kanto"). */
  readonly region: string;
  readonly updatedAt: Instant;
  /** Optimistic locking: 1 on the first save, + 1 on every save. */
  readonly version: number;
}

export interface OwnerProfileRepository {
  /** The owner's profile, or none if it never set one. */
  get(ownerId: OwnerId): TE.TaskEither<AppError, O.Option<OwnerProfile>>;
  /**
   * Stores the profile with version expectedVersion + 1 if the stored version is expectedVersion
   * (0: no profile stored yet); STORE.VERSION_CONFLICT otherwise. Returns what was stored.
   */
  save(profile: OwnerProfile, expectedVersion: number): TE.TaskEither<AppError, OwnerProfile>;
  /** Deletes the owner's profile (account deletion); succeeds when there is none. */
  delete(ownerId: OwnerId): TE.TaskEither<AppError, void>;
  /** The profiles of these owners that exist (a batch read); owners without one are absent. */
  getMany(
    ownerIds: readonly OwnerId[],
  ): TE.TaskEither<AppError, ReadonlyMap<OwnerId, OwnerProfile>>;
}
