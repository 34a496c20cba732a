import type { DomainError, Instant, OutboxMessage, Plan, PlanStatus } from "@owners/domain";
import type * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import { retryOnConflict } from "../conflict-retry.ts";
import type { AppError } from "../errors.ts";
import { decided } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import type { ReservationDeps } from "../reservations/reservation-deps.ts";
import { closeLine } from "../waitlist/waitlist-steps.ts";
import { savePlanChange } from "./plan-change.ts";
import { salesClosedFanOut } from "./plan-fan-outs.ts";

type Transition = (plan: Plan, now: Instant) => E.Either<DomainError, Plan>;

/**
 * Moves a plan to `target` with the domain's transition, re-reading and retrying if an edit raced
 * it. Already there: returned as it is, so batches and repeated requests are idempotent. The
 * `reason`, if any, is recorded in the transition's audit entry.
 */
export const moveTo =
  (deps: Pick<ReservationDeps, "plans" | "ids" | "clock" | "config">) =>
  (
    actor: Actor,
    planId: string,
    target: PlanStatus,
    transition: Transition,
    reason?: string,
    /** The notices the move causes, from the plan as it becomes: written with it. */
    notices: (next: Plan) => readonly OutboxMessage[] = () => [],
  ): TE.TaskEither<AppError, Plan> =>
    retryOnConflict(deps.config.conflictRetry, () =>
      pipe(
        loadPlan(deps.plans, planId),
        TE.chain((plan) =>
          plan.status === target
            ? TE.right(plan)
            : pipe(
                decided(transition(plan, deps.clock.now())),
                TE.chain((next) => savePlanChange(deps)(actor, plan, next, reason, notices(next))),
              ),
        ),
      ),
    );

/**
 * Ends a plan's sales: open -> closed, then the line and its offers are withdrawn (held shares
 * released). If the run stops in between, the expiry batch withdraws the offers later; a closed
 * plan's entries are never offered anything.
 */
export const endSales =
  (deps: Pick<ReservationDeps, "plans" | "waitlists" | "ids" | "clock" | "config">) =>
  (actor: Actor, planId: string, transition: Transition): TE.TaskEither<AppError, Plan> =>
    pipe(
      // Owners and producer hear of it through ONE fan-out trigger written with the close.
      moveTo(deps)(actor, planId, "closed", transition, undefined, (next) =>
        salesClosedFanOut(deps.ids, next),
      ),
      TE.chainFirst((plan) => closeLine(deps)(actor, plan.id)),
    );
