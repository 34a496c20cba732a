import {
  cancelPlan as cancel,
  cancellationReason,
  type Ownership,
  type Plan,
  type PlanId,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireProducerOrAdmin } from "../access.ts";
import type { Actor } from "../actor.ts";
import { voidShortfallCredits } from "../credits/void-shortfall-credits.ts";
import { type AppError, decided } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import { refundOwnership } from "../reservations/payment-steps.ts";
import { type ReleaseDeps, releaseOwnership } from "../reservations/release-ownership.ts";
import type { ReservationDeps } from "../reservations/reservation-deps.ts";
import { closeLine } from "../waitlist/waitlist-steps.ts";
import { enqueuePlanCancelledNotices } from "./plan-cancelled-notices.ts";
import { moveTo } from "./plan-status.ts";

export type CancelPlanDeps = ReleaseDeps & Pick<ReservationDeps, "payments" | "creditBalances">;

export interface CancelPlanResult {
  readonly plan: Plan;
  /** Ownerships refunded by this call (a repeated call refunds only what is left). */
  readonly refundedOwnerships: number;
}

const PAGE = 50;

/** Refunds every active ownership of the plan in full, page by page, one at a time. */
const refundEveryone =
  (deps: CancelPlanDeps) =>
  (actor: Actor, planId: PlanId): TE.TaskEither<AppError, number> => {
    const refundOne = (ownership: Ownership): TE.TaskEither<AppError, number> =>
      ownership.status !== "active"
        ? TE.right(0)
        : pipe(
            refundOwnership(deps)(ownership),
            TE.chain(() => releaseOwnership(deps)(actor, ownership.id, "plan-cancellation")),
            TE.map(() => 1),
          );
    const page = (cursor: string | undefined, done: number): TE.TaskEither<AppError, number> =>
      pipe(
        deps.ownerships.listByPlan(
          planId,
          cursor === undefined ? { limit: PAGE } : { limit: PAGE, cursor },
        ),
        TE.chain((found) =>
          pipe(
            TE.sequenceSeqArray(found.items.map(refundOne)),
            TE.map((counts) => counts.reduce((sum, n) => sum + n, done)),
            TE.chain((total) =>
              found.nextCursor === undefined ? TE.right(total) : page(found.nextCursor, total),
            ),
          ),
        ),
      );
    return page(undefined, 0);
  };

export interface CancelPlanInput {
  readonly planId: string;
  /** Why, in the producer's words: kept in the audit entry and sent to every owner. */
  readonly reason: string;
}

/**
 * The producer (or an admin) cancels a plan before shipping, saying why: it becomes cancelled
 * (the reason in its audit entry), its line is withdrawn, its owners are told why, and every
 * owner is refunded in full through the gateway and the ledger. Idempotent: calling it again
 * (after a crash, say) answers the cancelled plan, finishes what is left and refunds nobody twice
 * — the gateway refund is keyed by the ownership and the ledger refuses a second full refund.
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
        pipe(
          moveTo(deps)(actor, plan.id, "cancelled", cancel, reason),
          TE.chainFirst((cancelled) => enqueuePlanCancelledNotices(deps)(cancelled, reason)),
        ),
      ),
      TE.chainFirst((plan) => closeLine(deps)(actor, plan.id)),
      TE.chain((plan) =>
        pipe(
          refundEveryone(deps)(actor, plan.id),
          // Refunded in full: the shortfall credit the plan issued is taken back (if unspent).
          TE.chainFirst(() => voidShortfallCredits(deps)(actor, plan, deps.clock.now())),
          TE.map((refundedOwnerships) => ({ plan, refundedOwnerships })),
        ),
      ),
    );
