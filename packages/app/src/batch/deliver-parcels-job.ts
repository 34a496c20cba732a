import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import { deliverOverdueParcels } from "../shipping/parcels/deliver-overdue-parcels.ts";
import type { ParcelUseCaseDeps } from "../shipping/parcels/mark-parcel-shipped.ts";
import type { PlanWork } from "./plan-jobs.ts";

/**
 * Parcels to the door: on allocated and shipped plans, parcels scheduled since are registered,
 * shipped parcels nobody confirmed for N days count as delivered, and the plan moves to shipped /
 * completed. Every such plan has work (a parcel may come due any day), so each is run: its work is
 * a Query of its shipments and parcels, and a write only for what changed.
 */
export const deliverParcelsWork = (
  deps: ParcelUseCaseDeps & { readonly assumeDeliveredAfterDays?: number },
  actor: Actor,
): PlanWork => ({
  batch: "deliver-parcels",
  statuses: ["allocated", "shipped"],
  hasWork: () => TE.right(true),
  run: (planId) =>
    pipe(
      deliverOverdueParcels(deps)(actor, { planId }),
      TE.map((report) => ({
        plans: 1,
        parcelsRegistered: report.parcelsRegistered,
        parcelsAssumedDelivered: report.parcelsAssumedDelivered,
        ...(report.planStatus === "shipped" ? { plansShipped: 1 } : {}),
        ...(report.planStatus === "completed" ? { plansCompleted: 1 } : {}),
      })),
    ),
});
