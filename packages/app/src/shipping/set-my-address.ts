import { DEFAULT_TRANSIT_DAYS_JAPAN, type TransitDaysTable } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireOwner } from "../access.ts";
import type { Actor } from "../actor.ts";
import { type AppError, appError } from "../errors.ts";
import { addressAudit } from "../people/saved-addresses.ts";
import type { Clock } from "../ports/clock.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import {
  type OwnerProfile,
  type OwnerProfileRepository,
  ownerProfileDefaults,
  type ShippingAddress,
} from "../ports/owner-profile-repository.ts";
import { type ValidAddress, validateShippingAddress } from "./shipping-address.ts";

export interface SetMyAddressDeps {
  readonly profiles: OwnerProfileRepository;
  readonly clock: Clock;
  /** Names the audit entry of the change (absent: not audited, for fixtures that seed addresses). */
  readonly ids?: IdGenerator;
  /** The regions an owner may pick; Japan's by default. */
  readonly transitDays?: TransitDaysTable;
}

export interface SetMyAddressInput {
  readonly address: ShippingAddress;
  readonly region: string;
  /** The version the owner edited (from getMyAddress): a concurrent edit is then a conflict. */
  readonly expectedVersion?: number;
}

/**
 * An owner sets its own shipping address and region (there is no way to name another owner).
 * Shipments already scheduled keep the address they were scheduled with.
 */
export const setMyAddress =
  (deps: SetMyAddressDeps) =>
  (actor: Actor, input: SetMyAddressInput): TE.TaskEither<AppError, OwnerProfile> =>
    pipe(
      requireOwner(actor),
      TE.bindTo("ownerId"),
      TE.bind("valid", () =>
        TE.fromEither<AppError, ValidAddress>(
          validateShippingAddress(
            input.address,
            input.region,
            deps.transitDays ?? DEFAULT_TRANSIT_DAYS_JAPAN,
          ),
        ),
      ),
      TE.bind("stored", ({ ownerId }) =>
        pipe(
          deps.profiles.get(ownerId),
          TE.map(
            O.getOrElse(
              (): OwnerProfile => ({
                ownerId,
                ...ownerProfileDefaults(),
                updatedAt: deps.clock.now(),
                version: 0,
              }),
            ),
          ),
        ),
      ),
      TE.bind("storedVersion", ({ stored }) => TE.right(stored.version)),
      TE.chain(({ ownerId, valid, stored, storedVersion }) =>
        input.expectedVersion !== undefined && input.expectedVersion !== storedVersion
          ? TE.left(
              appError("STORE.VERSION_CONFLICT", "the address changed since it was read", {
                expectedVersion: input.expectedVersion,
                version: storedVersion,
              }),
            )
          : deps.profiles.save(
              { ...stored, ...valid, updatedAt: deps.clock.now(), version: storedVersion + 1 },
              storedVersion,
              // Audited like saved-address changes: which profile, the region, never the address.
              deps.ids === undefined
                ? []
                : [
                    addressAudit(
                      { ids: deps.ids },
                      actor,
                      deps.clock.now(),
                      "address.changed",
                      ownerId,
                      storedVersion + 1,
                      "default",
                      valid.region,
                    ),
                  ],
            ),
      ),
    );
