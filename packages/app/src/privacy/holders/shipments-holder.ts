import type { OwnerId, PlanId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { allPages, eachInOrder } from "../../all-pages.ts";
import type { OwnershipStore } from "../../ports/ownership-store.ts";
import type { PersonalDataHolder } from "../../ports/personal-data.ts";
import type { ShipmentRepository } from "../../ports/shipment-repository.ts";
import { plansOwnedBy } from "./ownerships-holder.ts";

/** Shipments carry a snapshot of the owner's address: erased, the boxes and days kept. */
export const shipmentsHolder = (deps: {
  readonly ownerships: OwnershipStore;
  readonly shipments: ShipmentRepository;
}): PersonalDataHolder => ({
  category: "shipments",
  exportFor: (personId) =>
    pipe(
      plansOwnedBy(deps.ownerships, personId),
      TE.chain((plans) =>
        eachInOrder(plans, (planId: PlanId) =>
          allPages((page) => deps.shipments.listByOwner(planId, personId as OwnerId, page)),
        ),
      ),
      TE.map((perPlan) => perPlan.flat()),
    ),
  eraseFor: (personId) =>
    pipe(
      plansOwnedBy(deps.ownerships, personId),
      TE.chain((plans) =>
        eachInOrder(plans, (planId) => deps.shipments.eraseAddresses(planId, personId as OwnerId)),
      ),
      TE.map(() => undefined),
    ),
});
