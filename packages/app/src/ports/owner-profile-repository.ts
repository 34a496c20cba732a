import type { AuditEntry, DeliverySlot, Instant, OwnerId } from "@owners/domain";
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

/** One of an owner's saved addresses (home, parents', office...). */
export interface SavedAddress {
  readonly id: string;
  readonly label: string;
  readonly address: ShippingAddress;
  /** Shipping region of this address: a key of the transit table. */
  readonly region: string;
}

/**
 * An owner as a person: the default shipping address (snapshotted onto each shipment when it is
 * scheduled), saved addresses, the name others see and preferences. A profile saved before these
 * fields existed reads with the defaults (no name, no saved addresses, "ja", everything on).
 */
export interface OwnerProfile {
  readonly ownerId: OwnerId;
  /** The default address shipping uses; absent until the owner sets one. */
  readonly address?: ShippingAddress;
  /** Shipping region of the default address: a key of the transit table (e.g. "kanto"). */
  readonly region?: string;
  /** What the producer of a plan it owns sees instead of its id; comments show it too. */
  readonly displayName?: string;
  readonly addresses: readonly SavedAddress[];
  readonly language: "ja" | "en";
  /** Category -> opted in; a category absent is on. */
  readonly notifications: Readonly<Record<string, boolean>>;
  readonly updatedAt: Instant;
  /** Optimistic locking: 1 on the first save, + 1 on every save. */
  readonly version: number;
  /** Where each of its ownerships ships (by ownership id); an ownership absent uses the default. */
  readonly deliveryChoices?: Readonly<Record<string, DeliveryChoice>>;
}

/**
 * Where one ownership's boxes go, as its owner chose: the default address, one of its saved
 * addresses (read when the lot is scheduled, so an edit of that address is followed), or a gift
 * address with the recipient's name and a message. The slot counts only where the plan allows.
 */
export type DeliveryChoice =
  | { readonly kind: "default"; readonly slot?: DeliverySlot }
  | { readonly kind: "saved"; readonly addressId: string; readonly slot?: DeliverySlot }
  | {
      readonly kind: "gift";
      readonly address: ShippingAddress;
      readonly region: string;
      readonly message: string;
      readonly slot?: DeliverySlot;
    };

export interface OwnerProfileRepository {
  /** The owner's profile, or none if it never set one. */
  get(ownerId: OwnerId): TE.TaskEither<AppError, O.Option<OwnerProfile>>;
  /**
   * Stores the profile with version expectedVersion + 1 if the stored version is expectedVersion
   * (0: no profile stored yet); STORE.VERSION_CONFLICT otherwise. Returns what was stored. The
   * audit entries (address changes) are written in the same atomic write, or nothing is.
   */
  save(
    profile: OwnerProfile,
    expectedVersion: number,
    audit?: readonly AuditEntry[],
  ): TE.TaskEither<AppError, OwnerProfile>;
  /** Deletes the owner's profile (account deletion); succeeds when there is none. */
  delete(ownerId: OwnerId): TE.TaskEither<AppError, void>;
  /** The profiles of these owners that exist (a batch read); owners without one are absent. */
  getMany(
    ownerIds: readonly OwnerId[],
  ): TE.TaskEither<AppError, ReadonlyMap<OwnerId, OwnerProfile>>;
}

/** The defaults of the fields added after the first profiles were stored. */
export const ownerProfileDefaults = (): Pick<
  OwnerProfile,
  "addresses" | "language" | "notifications"
> => ({ addresses: [], language: "ja", notifications: {} });
