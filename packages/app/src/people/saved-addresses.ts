import {
  type AuditEntry,
  DEFAULT_TRANSIT_DAYS_JAPAN,
  domainError,
  type Instant,
  type OwnerId,
  type TransitDaysTable,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireOwner } from "../access.ts";
import type { Actor } from "../actor.ts";
import { auditHead } from "../audit-records.ts";
import { type AppError, appError, decided } from "../errors.ts";
import type { Clock } from "../ports/clock.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type {
  OwnerProfile,
  OwnerProfileRepository,
  SavedAddress,
  ShippingAddress,
} from "../ports/owner-profile-repository.ts";
import { validateShippingAddress } from "../shipping/shipping-address.ts";
import { storedOrEmptyProfile } from "./my-owner-profile.ts";
import { versionGuard } from "./version-guard.ts";

export interface SavedAddressDeps {
  readonly profiles: OwnerProfileRepository;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly transitDays?: TransitDaysTable;
}

export interface SavedAddressInput {
  readonly label: string;
  readonly address: ShippingAddress;
  readonly region: string;
  /** Make it the default address shipping uses (the first saved address always is). */
  readonly makeDefault?: boolean;
  readonly expectedVersion?: number;
}

/** An owner keeps at most this many addresses (the profile is one item). */
export const MAX_SAVED_ADDRESSES = 10;

/** Whether the saved address is the one shipping uses (same address and region). */
export const isDefaultAddress = (profile: OwnerProfile, saved: SavedAddress): boolean =>
  profile.region === saved.region &&
  JSON.stringify(profile.address) === JSON.stringify(saved.address);

/**
 * The audit entry of an address change: which address, its region, never the address itself (the
 * audit outlives an erased account).
 */
export const addressAudit = (
  deps: Pick<SavedAddressDeps, "ids">,
  actor: Actor,
  at: Instant,
  action: "address.added" | "address.changed" | "address.removed",
  ownerId: OwnerId,
  version: number,
  addressId: string,
  region?: string,
): AuditEntry => ({
  ...auditHead(deps.ids, actor, at, ownerId, "profile", String(version)),
  action,
  subject: { type: "owner", id: ownerId },
  after: region === undefined ? { addressId } : { addressId, region },
});

const invalidLabel = () =>
  domainError("VALIDATION.INVALID", "the label must be 1 to 40 characters", { field: "label" });

const checked = (deps: SavedAddressDeps, input: SavedAddressInput) => {
  const label = input.label.trim();
  if (label.length === 0 || [...label].length > 40) return TE.left<AppError, never>(invalidLabel());
  return pipe(
    decided(
      validateShippingAddress(
        input.address,
        input.region,
        deps.transitDays ?? DEFAULT_TRANSIT_DAYS_JAPAN,
      ),
    ),
    TE.map((valid) => ({ label, ...valid })),
  );
};

const withDefault = (profile: OwnerProfile, saved: SavedAddress, make: boolean): OwnerProfile =>
  make || profile.address === undefined
    ? { ...profile, address: saved.address, region: saved.region }
    : profile;

/** Saves the changed profile and its audit entry in one write. */
const store = (
  deps: SavedAddressDeps,
  actor: Actor,
  stored: OwnerProfile,
  next: OwnerProfile,
  action: "address.added" | "address.changed" | "address.removed",
  saved: Pick<SavedAddress, "id"> & Partial<Pick<SavedAddress, "region">>,
) =>
  deps.profiles.save(next, stored.version, [
    addressAudit(
      deps,
      actor,
      next.updatedAt,
      action,
      stored.ownerId,
      stored.version + 1,
      saved.id,
      saved.region,
    ),
  ]);

const load = (deps: SavedAddressDeps, actor: Actor, expectedVersion: number | undefined) =>
  pipe(
    requireOwner(actor),
    TE.chain((ownerId) => storedOrEmptyProfile(deps, ownerId)),
    TE.chainFirst((stored) => versionGuard(stored.version, expectedVersion)),
  );

const notFound = (addressId: string) =>
  appError("ADDRESS.NOT_FOUND", "no saved address by that id", { addressId });

/** The owner saves a new address (audited); the first one becomes the default. */
export const addMyAddress =
  (deps: SavedAddressDeps) =>
  (actor: Actor, input: SavedAddressInput): TE.TaskEither<AppError, OwnerProfile> =>
    pipe(
      load(deps, actor, input.expectedVersion),
      TE.chain((stored) =>
        stored.addresses.length >= MAX_SAVED_ADDRESSES
          ? TE.left<AppError, never>(
              domainError("VALIDATION.INVALID", `at most ${MAX_SAVED_ADDRESSES} saved addresses`, {
                field: "addresses",
              }),
            )
          : pipe(
              checked(deps, input),
              TE.chain(({ label, address, region }) => {
                const saved: SavedAddress = { id: deps.ids.next("adr"), label, address, region };
                const next = withDefault(
                  {
                    ...stored,
                    addresses: [...stored.addresses, saved],
                    updatedAt: deps.clock.now(),
                  },
                  saved,
                  input.makeDefault === true,
                );
                return store(deps, actor, stored, next, "address.added", saved);
              }),
            ),
      ),
    );

/** The owner changes one of its saved addresses (audited); the default follows if it was it. */
export const changeMyAddress =
  (deps: SavedAddressDeps) =>
  (
    actor: Actor,
    input: SavedAddressInput & { readonly addressId: string },
  ): TE.TaskEither<AppError, OwnerProfile> =>
    pipe(
      load(deps, actor, input.expectedVersion),
      TE.chain((stored) => {
        const before = stored.addresses.find((a) => a.id === input.addressId);
        if (before === undefined) return TE.left<AppError, never>(notFound(input.addressId));
        return pipe(
          checked(deps, input),
          TE.chain(({ label, address, region }) => {
            const saved: SavedAddress = { id: before.id, label, address, region };
            const next = withDefault(
              {
                ...stored,
                addresses: stored.addresses.map((a) => (a.id === saved.id ? saved : a)),
                updatedAt: deps.clock.now(),
              },
              saved,
              input.makeDefault === true || isDefaultAddress(stored, before),
            );
            return store(deps, actor, stored, next, "address.changed", saved);
          }),
        );
      }),
    );

/**
 * The owner removes a saved address (audited). The default address shipping uses stays as it is
 * (shipments need one) until another is made the default.
 */
export const removeMyAddress =
  (deps: SavedAddressDeps) =>
  (
    actor: Actor,
    input: { readonly addressId: string; readonly expectedVersion?: number },
  ): TE.TaskEither<AppError, OwnerProfile> =>
    pipe(
      load(deps, actor, input.expectedVersion),
      TE.chain((stored) =>
        stored.addresses.some((a) => a.id === input.addressId)
          ? store(
              deps,
              actor,
              stored,
              {
                ...stored,
                addresses: stored.addresses.filter((a) => a.id !== input.addressId),
                updatedAt: deps.clock.now(),
              },
              "address.removed",
              { id: input.addressId },
            )
          : TE.left(notFound(input.addressId)),
      ),
    );
