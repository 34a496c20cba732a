import { type PlanId, parcelIdOf, SCHEDULED } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { allPages } from "../../all-pages.ts";
import type { AppError } from "../../errors.ts";
import type { ParcelRecord, ParcelStore } from "../../ports/parcel-store.ts";
import type { LotShipment, ShipmentRepository } from "../../ports/shipment-repository.ts";

export interface RegisterParcelsDeps {
  readonly shipments: ShipmentRepository;
  readonly parcels: ParcelStore;
}

/** The parcels a shipment's schedule names, each at its start (scheduled, version 1). */
export const parcelsOfShipment = (shipment: LotShipment): ParcelRecord[] =>
  shipment.parcels.map((p) => ({
    id: parcelIdOf(shipment.id, p.shipOn),
    planId: shipment.planId,
    producerId: shipment.producerId,
    ownerId: shipment.ownerId,
    shipmentId: shipment.id,
    lotId: shipment.lotId,
    shipOn: p.shipOn,
    arriveBy: p.arriveBy,
    boxes: p.boxes,
    progress: SCHEDULED,
    version: 1,
  }));

/**
 * Gives every scheduled parcel of the plan its progress record (those it has already keep theirs).
 * Read from the shipments, so scheduling itself does not change: run before any parcel is read or
 * moved, and by the delivery batch. Returns how many were new.
 */
export const registerParcels =
  (deps: RegisterParcelsDeps) =>
  (planId: PlanId): TE.TaskEither<AppError, number> =>
    pipe(
      allPages((page) => deps.shipments.listByPlan(planId, page)),
      TE.chain((shipments) => deps.parcels.register(planId, shipments.flatMap(parcelsOfShipment))),
    );
