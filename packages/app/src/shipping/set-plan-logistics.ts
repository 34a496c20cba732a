import {
  type AuditSnapshot,
  auditEntry,
  type LogisticsInput,
  type Plan,
  planLogistics,
  validateLogistics,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireProducerOf, requireStatus } from "../access.ts";
import type { Actor } from "../actor.ts";
import { auditHead } from "../audit-records.ts";
import { type AppError, decided } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import type { Clock } from "../ports/clock.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";
import { storeErrors } from "../store-errors.ts";

export interface SetPlanLogisticsDeps {
  readonly plans: PlanRepository;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export interface SetPlanLogisticsInput {
  readonly planId: string;
  readonly logistics: LogisticsInput;
  /** The version the producer edited: STORE.VERSION_CONFLICT if the plan moved on. */
  readonly expectedVersion?: number;
}

/**
 * The plan's producer sets how its boxes travel: ship-from, boxes per day (the plan's
 * shipCapacityPerDay), transit days by region, temperature with its surcharge, and whether
 * owners may pick a delivery slot. Allowed until the harvest is allocated: the shipping
 * schedule is built from these after. Audited as a plan edit (before and after).
 */
export const setPlanLogistics =
  (deps: SetPlanLogisticsDeps) =>
  (actor: Actor, input: SetPlanLogisticsInput): TE.TaskEither<AppError, Plan> =>
    pipe(
      loadPlan(deps.plans, input.planId),
      TE.chain((plan) => requireProducerOf(actor, plan)),
      TE.chain((plan) => requireStatus(plan, ["draft", "open", "closed"], "change its logistics")),
      TE.chain((plan) =>
        input.expectedVersion !== undefined && input.expectedVersion !== plan.version
          ? TE.left(storeErrors.versionConflict("plan", plan.id))
          : TE.right(plan),
      ),
      TE.bindTo("plan"),
      TE.bind("valid", () => decided(validateLogistics(input.logistics))),
      TE.chain(({ plan, valid }) => {
        const at = deps.clock.now();
        const next: Plan = {
          ...plan,
          shipCapacityPerDay: valid.boxesPerDay,
          logistics: valid.logistics,
          updatedAt: at,
        };
        const snapshot = (p: Plan): AuditSnapshot => ({
          shipCapacityPerDay: p.shipCapacityPerDay,
          logistics: { ...planLogistics(p) },
        });
        return deps.plans.save(next, plan.version, [
          auditEntry({
            ...auditHead(deps.ids, actor, at, plan.id, "version", String(plan.version + 1)),
            action: "plan.edited",
            subject: { type: "plan", id: plan.id },
            planId: plan.id,
            before: snapshot(plan),
            after: snapshot(next),
          }),
        ]);
      }),
    );
