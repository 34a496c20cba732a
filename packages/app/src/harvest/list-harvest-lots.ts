import type { HarvestLot } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { loadVisiblePlan } from "../loading.ts";
import type { AllocationRepository } from "../ports/allocation-repository.ts";
import type { HarvestRepository } from "../ports/harvest-repository.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";

export interface HarvestLotView extends HarvestLot {
  /** True once the allocation batch has divided this lot among the owners. */
  readonly allocated: boolean;
}

export interface ListHarvestLotsDeps {
  readonly plans: PlanRepository;
  readonly harvests: HarvestRepository;
  readonly allocations: AllocationRepository;
}

/**
 * A plan's recorded harvest lots in lot order, each marked allocated or not: the season as it
 * comes in, for anyone who may see the plan (a draft's only for its producer and admins).
 */
export const listHarvestLots =
  (deps: ListHarvestLotsDeps) =>
  (
    actor: Actor,
    input: { readonly planId: string },
  ): TE.TaskEither<AppError, readonly HarvestLotView[]> =>
    pipe(
      loadVisiblePlan(deps.plans, actor, input.planId),
      TE.chain((plan) =>
        pipe(
          TE.Do,
          TE.apS("lots", deps.harvests.listByPlan(plan.id)),
          TE.apS("allocated", deps.allocations.allocatedLotIds(plan.id)),
        ),
      ),
      TE.map(({ lots, allocated }) => {
        const done = new Set<string>(allocated);
        return lots.map((lot) => ({ ...lot, allocated: done.has(lot.id) }));
      }),
    );
