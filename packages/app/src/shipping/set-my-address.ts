import { DEFAULT_TRANSIT_DAYS_JAPAN, type TransitDaysTable } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireOwner } from "../access.ts";
import type { Actor } from "../actor.ts";
import { type AppError, appError } from "../errors.ts";
import type { Clock } from "../ports/clock.ts";
import type {
  OwnerProfile,
  OwnerProfileRepository,
  ShippingAddress,
} from "../ports/owner-profile-repository.ts";
import { type ValidAddress, validateShippingAddress } from "./shipping-address.ts";

export interface SetMyAddressDeps {
  readonly profiles: OwnerProfileRepository;
  readonly clock: Clock;
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
      TE.bind("storedVersion", ({ ownerId }) =>
        pipe(
          deps.profiles.get(ownerId),
          TE.map(
            O.match(
              () => 0,
              (profile) => profile.version,
            ),
          ),
        ),
      ),
      TE.chain(({ ownerId, valid, storedVersion }) =>
        input.expectedVersion !== undefined && input.expectedVersion !== storedVersion
          ? TE.left(
              appError("STORE.VERSION_CONFLICT", "the address changed since it was read", {
                expectedVersion: input.expectedVersion,
                version: storedVersion,
              }),
            )
          : deps.profiles.save(
              { ownerId, ...valid, updatedAt: deps.clock.now(), version: storedVersion + 1 },
              storedVersion,
            ),
      ),
    );
