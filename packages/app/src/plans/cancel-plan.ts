import { cancelPlan as cancel, cancellationReason, type Plan } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireProducerOrAdmin } from "../access.ts";
import type { Actor } from "../actor.ts";
import { voidShortfallCredits } from "../credits/void-shortfall-credits.ts";
import { type AppError, decided } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import type { ReleaseDeps } from "../reservations/release-ownership.ts";
import { closeLine } from "../waitlist/waitlist-steps.ts";
import { planCancelledFanOut } from "./plan-fan-outs.ts";
import { moveTo } from "./plan-status.ts";
import { cancelWarmUps } from "./warm-up-schedules.ts";

export type CancelPlanDeps = ReleaseDeps & Parameters<typeof voidShortfallCredits>[0];

export interface CancelPlanResult {
  readonly plan: Plan;
  /**
   * Ownerships refunded by this call: always 0 now. The refunds are made by the
   * `refund-cancelled-plans` batch (resumable, one refund per owner); its progress is in
   * GET /plans/{id}/money (`cancellation`).
   */
  readonly refundedOwnerships: number;
}

export interface CancelPlanInput {
  readonly planId: string;
  /** Why, in the producer's words: kept in the audit entry and sent to every owner. */
  readonly reason: string;
}

/**
 * The producer (or an admin) cancels a plan before shipping, saying why: it becomes cancelled
 * (the reason in its audit entry), its line is withdrawn and its owners are told why. The refunds
 * follow in the `refund-cancelled-plans` batch (refundCancelledPlan), owner by owner, each once:
 * a plan of 100k owners is never refunded inside one request. Idempotent: calling it again
 * answers the cancelled plan and finishes the line's withdrawal.
 */
export const cancelPlan =
  (deps: CancelPlanDeps) =>
  (actor: Actor, input: CancelPlanInput): TE.TaskEither<AppError, CancelPlanResult> =>
    pipe(
      TE.Do,
      TE.bind("reason", () => decided(cancellationReason(input.reason))),
      TE.bind("plan", () => loadPlan(deps.plans, input.planId)),
      TE.chainFirst(({ plan }) => requireProducerOrAdmin(actor, plan)),
      TE.chain(({ plan, reason }) =>
        // Every owner hears why and what comes back through ONE fan-out trigger written with
        // the cancellation (fan-out-notices.ts): never a cancellation without its notices.
        moveTo(deps)(actor, plan.id, "cancelled", cancel, reason, (next) =>
          planCancelledFanOut(deps.ids, next, reason),
        ),
      ),
      TE.chainFirst((plan) => closeLine(deps)(actor, plan.id)),
      // Owners are refunded in full by the batch: the shortfall credit the plan issued is taken
      // back now (what is still unspent), so it cannot be spent while the refunds run.
      TE.chainFirst((plan) => voidShortfallCredits(deps)(actor, plan, deps.clock.now())),
      // A cancelled plan draws no crowd: its warm-up schedules go (best effort).
      TE.chainFirst((plan) => cancelWarmUps(deps)(plan)),
      TE.map((plan) => ({ plan, refundedOwnerships: 0 })),
    );
