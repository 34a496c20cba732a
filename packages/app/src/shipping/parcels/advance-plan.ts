import {
  advancePlanAtTheDoor,
  japanDayOf,
  type Plan,
  type PlanId,
  planChanged,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../../actor.ts";
import { auditHead } from "../../audit-records.ts";
import type { AppError } from "../../errors.ts";
import { loadPlan } from "../../loading.ts";
import type { AllocationRepository } from "../../ports/allocation-repository.ts";
import type { Clock } from "../../ports/clock.ts";
import type { HarvestRepository } from "../../ports/harvest-repository.ts";
import type { IdGenerator } from "../../ports/id-generator.ts";
import type { ParcelStore } from "../../ports/parcel-store.ts";
import type { PlanRepository } from "../../ports/plan-repository.ts";
import type { ShipmentRepository } from "../../ports/shipment-repository.ts";
import { type UnshippedUnits, unshippedUnits } from "../unshipped-units.ts";

export interface AdvancePlanDeps {
  readonly plans: PlanRepository;
  readonly parcels: ParcelStore;
  readonly allocations: AllocationRepository;
  readonly shipments: ShipmentRepository;
  /** Lots' best-before days, read only when some owner's units may still be scheduled. */
  readonly harvests: HarvestRepository;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/**
 * Every parcel of the plan is known: its harvest is final (no lot can come), each allocated
 * lot has been scheduled (its parcels registered before this is asked), and no owner's unshipped
 * units may still be scheduled (an address added later gives them parcels while the lot can ship).
 */
const allParcelsKnown = (
  deps: AdvancePlanDeps,
  plan: Plan,
  unshipped: UnshippedUnits,
): TE.TaskEither<AppError, boolean> =>
  plan.harvestCompletedAt === undefined || unshipped.reschedulable.length > 0
    ? TE.right(false)
    : pipe(
        TE.Do,
        TE.apS("allocated", deps.allocations.allocatedLotIds(plan.id)),
        TE.apS("scheduled", deps.shipments.scheduledLotIds(plan.id)),
        TE.map(({ allocated, scheduled }) => allocated.every((lot) => scheduled.includes(lot))),
      );

/**
 * Moves the plan to shipped / completed when its parcels say so (one read of the counts, no scan;
 * one Query of the sparse infeasible index) and writes the change with its audit entry. Units that
 * never got a parcel hold the plan: in `allocated` while they may still be scheduled, short of
 * `completed` for good after (reported to the producer, listed as infeasible shipments). Idempotent: a plan with nothing to move is returned
 * as it is, unwritten; a lost race with another writer is tried again by the next caller.
 */
export const advancePlan =
  (deps: AdvancePlanDeps) =>
  (actor: Actor, planId: PlanId): TE.TaskEither<AppError, Plan> =>
    pipe(
      loadPlan(deps.plans, planId),
      TE.chain((plan) => {
        if (plan.status !== "allocated" && plan.status !== "shipped") return TE.right(plan);
        const now = deps.clock.now();
        return pipe(
          TE.Do,
          TE.apS("counts", deps.parcels.counts(plan.id)),
          TE.apS("unshipped", unshippedUnits(deps)(plan, japanDayOf(now))),
          TE.bind("known", ({ unshipped }) => allParcelsKnown(deps, plan, unshipped)),
          TE.chainEitherKW(({ counts, known, unshipped }) =>
            advancePlanAtTheDoor(
              plan,
              { counts, allParcelsKnown: known, unshippedUnits: unshipped.units },
              now,
            ),
          ),
          TE.chain((next) =>
            next.status === plan.status
              ? TE.right(plan)
              : deps.plans.save(next, plan.version, [
                  planChanged(auditHead(deps.ids, actor, now, plan.id, next.status), plan, next),
                ]),
          ),
        );
      }),
    );
