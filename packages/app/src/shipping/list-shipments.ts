import { allocationIsVoid, type PlanId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { seasonReader } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import { DEFAULT_PAGE_LIMIT, type Page, type PageRequest } from "../pagination.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";
import type { LotShipment, ShipmentRepository } from "../ports/shipment-repository.ts";

export interface ListShipmentsDeps {
  readonly plans: PlanRepository;
  readonly shipments: ShipmentRepository;
}

export interface ListShipmentsInput {
  readonly planId: PlanId;
  readonly page?: PageRequest;
  /** The producer's infeasible report: only shipments with units that could not be scheduled. */
  readonly infeasibleOnly?: boolean;
}

/**
 * A plan's shipments: its producer sees all of them (or the infeasible report), an owner only its
 * own, addresses included (each owner's own address). None once the plan is cancelled.
 */
export const listShipments =
  (deps: ListShipmentsDeps) =>
  (actor: Actor, input: ListShipmentsInput): TE.TaskEither<AppError, Page<LotShipment>> =>
    pipe(
      loadPlan(deps.plans, input.planId),
      TE.chain((plan) =>
        pipe(
          seasonReader(actor, plan, "shipments"),
          TE.chain((reader): TE.TaskEither<AppError, Page<LotShipment>> => {
            const page = input.page ?? { limit: DEFAULT_PAGE_LIMIT };
            // Parcels scheduled before a cancellation are void: nothing ships, owners were refunded.
            if (allocationIsVoid(plan)) return TE.right({ items: [] });
            if ("owner" in reader) return deps.shipments.listByOwner(plan.id, reader.owner, page);
            return input.infeasibleOnly === true
              ? deps.shipments.listInfeasible(plan.id, page)
              : deps.shipments.listByPlan(plan.id, page);
          }),
        ),
      ),
    );
