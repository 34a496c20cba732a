import { type Plan, type PlanLogistics, planLogistics } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireProducerOf } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";

export interface PlanLogisticsView {
  readonly logistics: PlanLogistics;
  /** The plan's boxes per day. */
  readonly boxesPerDay: number;
  /** Whether the producer set them (false: these are the defaults shipping would use). */
  readonly custom: boolean;
  readonly planVersion: number;
}

const view = (plan: Plan): PlanLogisticsView => ({
  logistics: planLogistics(plan),
  boxesPerDay: plan.shipCapacityPerDay,
  custom: plan.logistics !== undefined,
  planVersion: plan.version,
});

/** The plan's logistics as its producer edits them, Yamato sender included (producer only). */
export const getPlanLogistics =
  (deps: { readonly plans: PlanRepository }) =>
  (actor: Actor, input: { readonly planId: string }): TE.TaskEither<AppError, PlanLogisticsView> =>
    pipe(
      loadPlan(deps.plans, input.planId),
      TE.chain((plan) => requireProducerOf(actor, plan)),
      TE.map(view),
    );

/** The same view of a plan just saved (what setting the logistics answers). */
export const planLogisticsView = view;
