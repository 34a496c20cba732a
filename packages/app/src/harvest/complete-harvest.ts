import {
  auditEntryId,
  completeHarvest as declareComplete,
  domainError,
  harvestCompleted,
  type Instant,
  type Plan,
  type PlanId,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireProducerOrAdmin } from "../access.ts";
import type { Actor } from "../actor.ts";
import { auditActorOf } from "../audit-records.ts";
import type { AppError } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import { type AllocateHarvestsDeps, allocateHarvests } from "./allocate-harvests.ts";

export interface CompleteHarvestInput {
  readonly planId: PlanId;
}

export interface CompleteHarvestResult {
  readonly planId: PlanId;
  readonly harvestCompletedAt: Instant;
  /**
   * Every compensation of the final allocation is written and paid (none declined, none awaiting
   * the processor's confirmation).
   */
  readonly settled: boolean;
  readonly compensationsWritten: number;
  readonly refundsPaid: number;
  readonly refundYenPaid: number;
  /** Refunds the processor declined: owed in the ledger, retried by the allocation batch. */
  readonly refundFailures: number;
}

/** The mark, written once; a plan already complete is left as it is. */
const markComplete = (
  deps: AllocateHarvestsDeps,
  actor: Actor,
  plan: Plan,
): TE.TaskEither<AppError, Plan> =>
  pipe(
    TE.fromEither(declareComplete(plan, deps.clock.now())),
    TE.chain(({ plan: next, changed }) =>
      !changed
        ? TE.right(next)
        : deps.plans.save(next, plan.version, [
            harvestCompleted(
              {
                id: auditEntryId(deps.ids.deterministic("aud", plan.id, "harvest-completed")),
                at: deps.clock.now(),
                actor: auditActorOf(actor),
              },
              plan,
              next,
            ),
          ]),
    ),
  );

/** A harvest that failed outright has no lot: it is settled by cancelling the plan instead. */
const requireLots = (deps: AllocateHarvestsDeps, plan: Plan): TE.TaskEither<AppError, Plan> =>
  pipe(
    deps.harvests.listByPlan(plan.id),
    TE.chain((lots) =>
      lots.length > 0
        ? TE.right(plan)
        : TE.left(
            domainError(
              "HARVEST.NOT_ALLOCATABLE",
              "no harvest lot is recorded; a harvest that failed outright is settled by cancelling the plan",
              { planId: plan.id },
            ),
          ),
    ),
  );

/**
 * The producer (or an admin) declares the harvest complete: no lot comes after it, and the
 * shortfall is settled now, once, from the final allocation (refunds paid back to each payment,
 * credit added to the owners' balances). Idempotent: a repeat keeps the first instant and settles
 * nothing twice. The allocation batch does the same by itself when the delivery window ends, and
 * retries any refund the processor declined.
 */
export const completeHarvest =
  (deps: AllocateHarvestsDeps) =>
  (actor: Actor, input: CompleteHarvestInput): TE.TaskEither<AppError, CompleteHarvestResult> =>
    pipe(
      loadPlan(deps.plans, input.planId),
      TE.chain((plan) => requireProducerOrAdmin(actor, plan)),
      TE.chain((plan) => requireLots(deps, plan)),
      TE.chain((plan) => markComplete(deps, actor, plan)),
      TE.chain((plan) =>
        pipe(
          allocateHarvests(deps)(actor, { planId: plan.id }),
          TE.map(
            (report): CompleteHarvestResult => ({
              planId: plan.id,
              harvestCompletedAt: plan.harvestCompletedAt as Instant,
              settled: report.refundFailures.length === 0 && report.refundsUnconfirmed === 0,
              compensationsWritten: report.compensationsWritten,
              refundsPaid: report.refundsPaid,
              refundYenPaid: report.refundYenPaid,
              refundFailures: report.refundFailures.length,
            }),
          ),
        ),
      ),
    );
