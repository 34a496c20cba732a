import {
  type DeliverySlot,
  domainError,
  isDeliverySlot,
  type OwnerId,
  type Ownership,
  type Plan,
  type PlanLogistics,
  planLogistics,
  transitDaysTo,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireOwner, requireStatus } from "../access.ts";
import type { Actor } from "../actor.ts";
import { type AppError, appError, decided } from "../errors.ts";
import { loadOwnership, loadPlan } from "../loading.ts";
import { storedOrEmptyProfile } from "../people/my-owner-profile.ts";
import { addressAudit } from "../people/saved-addresses.ts";
import { versionGuard } from "../people/version-guard.ts";
import type { Clock } from "../ports/clock.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type {
  DeliveryChoice,
  OwnerProfile,
  OwnerProfileRepository,
  ShippingAddress,
} from "../ports/owner-profile-repository.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";
import { validateShippingAddress } from "./shipping-address.ts";

export interface OwnershipDeliveryDeps {
  readonly ownerships: OwnershipStore;
  readonly plans: PlanRepository;
  readonly profiles: OwnerProfileRepository;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** What the owner asks for: where (its default, a saved address, or a gift) and the slot. */
export type DeliveryRequest =
  | { readonly kind: "default" }
  | { readonly kind: "saved"; readonly addressId: string }
  | {
      readonly kind: "gift";
      readonly address: ShippingAddress;
      readonly region: string;
      readonly message?: string;
    };

export interface SetOwnershipDeliveryInput {
  readonly ownershipId: string;
  readonly destination: DeliveryRequest;
  /** 時間帯指定: only where the plan lets owners choose; absent: any time. */
  readonly slot?: string;
  /** The profile version the owner edited: a concurrent edit is then a conflict. */
  readonly expectedVersion?: number;
}

/**
 * A gift's message goes on the slip's 記事 field, which takes 44 half-width characters: 22
 * full-width ones is what fits whatever the script.
 */
export const GIFT_MESSAGE_MAX = 22;

const invalid = (message: string, field: string): AppError =>
  domainError("VALIDATION.INVALID", message, { field });

/** The ownership, when the caller owns it and it still receives boxes. */
export const ownOwnership = (
  deps: Pick<OwnershipDeliveryDeps, "ownerships">,
  ownerId: OwnerId,
  ownershipId: string,
): TE.TaskEither<AppError, Ownership> =>
  pipe(
    loadOwnership(deps.ownerships, ownershipId),
    TE.filterOrElse(
      (o) => o.ownerId === ownerId,
      (o): AppError =>
        domainError("OWNERSHIP.NOT_OWNER", "only its owner chooses where an ownership ships", {
          ownershipId: o.id,
        }),
    ),
    TE.filterOrElse(
      (o) => o.status === "active" || o.status === "pending_payment",
      (o): AppError =>
        domainError("OWNERSHIP.NOT_ACTIVE", "a cancelled ownership receives no boxes", {
          ownershipId: o.id,
          status: o.status,
        }),
    ),
  );

const checkSlot = (
  logistics: PlanLogistics,
  slot: string | undefined,
): TE.TaskEither<AppError, DeliverySlot | undefined> => {
  if (slot === undefined) return TE.right(undefined);
  if (!isDeliverySlot(slot))
    return TE.left(invalid("the slot must be one of am, 14-16, 16-18, 18-20, 19-21", "slot"));
  if (!logistics.slotsAllowed)
    return TE.left(invalid("this plan does not take delivery time slots", "slot"));
  return TE.right(slot);
};

/** The stored choice for a request, checked against the profile and the plan's regions. */
const checkDestination = (
  logistics: PlanLogistics,
  profile: OwnerProfile,
  request: DeliveryRequest,
  slot: DeliverySlot | undefined,
): TE.TaskEither<AppError, { choice: DeliveryChoice; region: string }> => {
  const withSlot = slot === undefined ? {} : { slot };
  const shipsTo = (region: string): TE.TaskEither<AppError, string> =>
    transitDaysTo(logistics.transitDays, region) !== undefined
      ? TE.right(region)
      : TE.left(invalid(`this plan does not ship to ${region}`, "region"));
  switch (request.kind) {
    case "default":
      return profile.region === undefined || profile.address === undefined
        ? TE.left(invalid("there is no default address yet: add one first", "destination"))
        : pipe(
            shipsTo(profile.region),
            TE.map((region) => ({ choice: { kind: "default" as const, ...withSlot }, region })),
          );
    case "saved": {
      const saved = profile.addresses.find((a) => a.id === request.addressId);
      if (saved === undefined)
        return TE.left(
          appError("ADDRESS.NOT_FOUND", "no saved address by that id", {
            addressId: request.addressId,
          }),
        );
      return pipe(
        shipsTo(saved.region),
        TE.map((region) => ({
          choice: { kind: "saved" as const, addressId: saved.id, ...withSlot },
          region,
        })),
      );
    }
    case "gift": {
      const message = (request.message ?? "").trim();
      if ([...message].length > GIFT_MESSAGE_MAX)
        return TE.left(
          invalid(`the gift message must be at most ${GIFT_MESSAGE_MAX} characters`, "message"),
        );
      return pipe(
        decided(validateShippingAddress(request.address, request.region, logistics.transitDays)),
        TE.map(({ address, region }) => ({
          choice: { kind: "gift" as const, address, region, message, ...withSlot },
          region,
        })),
      );
    }
  }
};

/**
 * The owner chooses where one of its ownerships ships (its default address, one of its saved
 * addresses, or a gift address with a message) and, where the plan allows, the delivery time
 * slot. Stored on the owner's profile (audited like an address change, never the address
 * itself); lots scheduled after it use it, parcels already scheduled keep their snapshot.
 */
export const setOwnershipDelivery =
  (deps: OwnershipDeliveryDeps) =>
  (actor: Actor, input: SetOwnershipDeliveryInput): TE.TaskEither<AppError, DeliveryChoice> =>
    pipe(
      requireOwner(actor),
      TE.bindTo("ownerId"),
      TE.bind("ownership", ({ ownerId }) => ownOwnership(deps, ownerId, input.ownershipId)),
      TE.bind("plan", ({ ownership }) =>
        pipe(
          loadPlan(deps.plans, ownership.planId),
          TE.chain((plan: Plan) =>
            requireStatus(plan, ["draft", "open", "closed", "allocated"], "choose a delivery"),
          ),
        ),
      ),
      TE.bind("stored", ({ ownerId }) => storedOrEmptyProfile(deps, ownerId)),
      TE.chainFirst(({ stored }) => versionGuard(stored.version, input.expectedVersion)),
      TE.bind("slot", ({ plan }) => checkSlot(planLogistics(plan), input.slot)),
      TE.bind("checked", ({ plan, stored, slot }) =>
        checkDestination(planLogistics(plan), stored, input.destination, slot),
      ),
      TE.chain(({ ownerId, ownership, stored, checked }) => {
        const at = deps.clock.now();
        const next: OwnerProfile = {
          ...stored,
          deliveryChoices: { ...stored.deliveryChoices, [ownership.id]: checked.choice },
          updatedAt: at,
        };
        return pipe(
          deps.profiles.save(next, stored.version, [
            addressAudit(
              deps,
              actor,
              at,
              "address.changed",
              ownerId,
              stored.version + 1,
              `ownership:${ownership.id}`,
              checked.region,
            ),
          ]),
          TE.map(() => checked.choice),
        );
      }),
    );
