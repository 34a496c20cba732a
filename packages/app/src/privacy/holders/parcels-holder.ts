import type { OwnerId, PlanId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { allPages, eachInOrder } from "../../all-pages.ts";
import type { OwnershipStore } from "../../ports/ownership-store.ts";
import type { ParcelStore } from "../../ports/parcel-store.ts";
import type { PersonalDataHolder } from "../../ports/personal-data.ts";
import { plansOwnedBy } from "./ownerships-holder.ts";

/**
 * The owner's parcels (carrier, tracking number, shipped and delivered days): exported with the
 * rest of their data. Nothing to erase: a parcel names no one but by the owner's id, which is a
 * pseudonym once the account is gone, and its progress is the plan's shipping record.
 */
export const parcelsHolder = (deps: {
  readonly ownerships: OwnershipStore;
  readonly parcels: ParcelStore;
}): PersonalDataHolder => ({
  category: "parcels",
  exportFor: (personId) =>
    pipe(
      plansOwnedBy(deps.ownerships, personId),
      TE.chain((plans) =>
        eachInOrder(plans, (planId: PlanId) =>
          allPages((page) => deps.parcels.listByOwner(planId, personId as OwnerId, page)),
        ),
      ),
      TE.map((perPlan) => perPlan.flat()),
    ),
  eraseFor: () => TE.right(undefined),
});
