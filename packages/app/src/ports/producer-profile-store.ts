import type { ProducerId, ProducerProfile } from "@owners/domain";
import type * as O from "fp-ts/lib/Option.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { Page } from "../pagination.ts";

export interface ProducerListQuery {
  readonly prefecture?: string;
  readonly category?: string;
  readonly cursor?: string;
  /** 1..100; adapters clamp to that range. */
  readonly limit: number;
}

/** Approved producers' public profiles (one per producer, created on approval). */
export interface ProducerProfileStore {
  /** The producer's profile, or none (not approved, or never a producer). */
  get(id: ProducerId): TE.TaskEither<AppError, O.Option<ProducerProfile>>;
  /**
   * Stores the profile at version expectedVersion + 1 if the stored version is expectedVersion
   * (0: none stored yet); STORE.VERSION_CONFLICT otherwise. Returns what was stored. The listing
   * (every filter) reflects the save as soon as it returns.
   */
  save(profile: ProducerProfile, expectedVersion: number): TE.TaskEither<AppError, ProducerProfile>;
  /**
   * The profiles of these producers that exist; producers without one are absent. For cards:
   * a save of a moment ago may not show yet (get is the consistent read).
   */
  getMany(
    ids: readonly ProducerId[],
  ): TE.TaskEither<AppError, ReadonlyMap<ProducerId, ProducerProfile>>;
  /**
   * Profiles matching both filters when given (prefecture equal, category among its categories),
   * most recently approved first (approvedAt, then id, descending); one indexed read per page.
   * PAGINATION.INVALID_CURSOR for a cursor not issued for the same filters.
   */
  list(query: ProducerListQuery): TE.TaskEither<AppError, Page<ProducerProfile>>;
  /** Removes the profile and its listing entries (account erasure); nothing if absent. */
  remove(id: ProducerId): TE.TaskEither<AppError, void>;
}
