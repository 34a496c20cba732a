import { advancePlanAtTheDoor, type Plan, type PlanId, planChanged } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../../actor.ts";
import { auditHead } from "../../audit-records.ts";
import type { AppError } from "../../errors.ts";
import { loadPlan } from "../../loading.ts";
import type { AllocationRepository } from "../../ports/allocation-repository.ts";
import type { Clock } from "../../ports/clock.ts";
import type { IdGenerator } from "../../ports/id-generator.ts";
import type { ParcelStore } from "../../ports/parcel-store.ts";
import type { PlanRepository } from "../../ports/plan-repository.ts";
import type { ShipmentRepository } from "../../ports/shipment-repository.ts";

export interface AdvancePlanDeps {
  readonly plans: PlanRepository;
  readonly parcels: ParcelStore;
  readonly allocations: AllocationRepository;
  readonly shipments: ShipmentRepository;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/**
 * Every parcel of the plan is known: its harvest is final (no lot can come) and each allocated
 * lot has been scheduled (its parcels registered before this is asked).
 */
const allParcelsKnown = (deps: AdvancePlanDeps, plan: Plan): TE.TaskEither<AppError, boolean> =>
  plan.harvestCompletedAt === undefined
    ? TE.right(false)
    : pipe(
        TE.Do,
        TE.apS("allocated", deps.allocations.allocatedLotIds(plan.id)),
        TE.apS("scheduled", deps.shipments.scheduledLotIds(plan.id)),
        TE.map(({ allocated, scheduled }) => allocated.every((lot) => scheduled.includes(lot))),
      );

/**
 * Moves the plan to shipped / completed when its parcels say so (one read of the counts, no scan)
 * and writes the change with its audit entry. Idempotent: a plan with nothing to move is returned
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
          TE.apS("known", allParcelsKnown(deps, plan)),
          TE.chainEitherKW(({ counts, known }) =>
            advancePlanAtTheDoor(plan, { counts, allParcelsKnown: known }, now),
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
