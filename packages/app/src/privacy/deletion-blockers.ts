import {
  decideCancellation,
  type Instant,
  type OwnerId,
  type Ownership,
  type Plan,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";

/** Why an account cannot close yet, one reason per ownership or plan. */
export type DeletionBlocker =
  | {
      readonly reason: "CANCELLATION_CLOSED";
      readonly ownershipId: string;
      readonly planId: string;
      readonly planStatus: Plan["status"];
      readonly cancellationDeadline: Instant;
    }
  | { readonly reason: "LIVE_PLAN"; readonly planId: string; readonly planStatus: Plan["status"] };

export interface DeletionPlan {
  /** Held ownerships to cancel (and refund by the plan's terms) before anything is erased. */
  readonly toCancel: readonly Ownership[];
  readonly blockers: readonly DeletionBlocker[];
}

/** A plan whose season is over: its ownerships are history, not holdings. */
const settled = (plan: Plan) => plan.status === "completed" || plan.status === "cancelled";

/**
 * Decides what closing an account needs (pure). Every ownership still held on a live plan is
 * cancelled by the ordinary rule (until the producer's cancellation deadline, while the plan is
 * open or closed; an unpaid hold always); one past that point blocks the deletion, since its
 * harvest is already being divided. A producer's plans that are neither drafts nor settled block
 * too: its owners are owed a season. Waitlist places and offers never block: nothing is paid for
 * them and nobody else is owed anything by them, so the person simply leaves every line (its
 * offers pass to the next in line), which is what someone closing an account expects.
 */
export const planAccountDeletion = (input: {
  readonly personId: string;
  readonly now: Instant;
  readonly ownerships: readonly Ownership[];
  readonly plans: ReadonlyMap<string, Plan>;
  readonly producedPlans: readonly Plan[];
}): DeletionPlan => {
  const toCancel: Ownership[] = [];
  const blockers: DeletionBlocker[] = [];
  for (const ownership of input.ownerships) {
    if (ownership.status !== "active" && ownership.status !== "pending_payment") continue;
    const plan = input.plans.get(ownership.planId);
    if (plan === undefined || settled(plan)) continue;
    if (ownership.status === "pending_payment") {
      toCancel.push(ownership);
      continue;
    }
    const decision = decideCancellation({
      plan,
      ownership,
      actorOwnerId: input.personId as OwnerId,
      now: input.now,
    });
    if (E.isRight(decision)) toCancel.push(ownership);
    else
      blockers.push({
        reason: "CANCELLATION_CLOSED",
        ownershipId: ownership.id,
        planId: plan.id,
        planStatus: plan.status,
        cancellationDeadline: plan.cancellationDeadline,
      });
  }
  for (const plan of input.producedPlans)
    if (plan.status !== "draft" && !settled(plan))
      blockers.push({ reason: "LIVE_PLAN", planId: plan.id, planStatus: plan.status });
  return { toCancel, blockers };
};
