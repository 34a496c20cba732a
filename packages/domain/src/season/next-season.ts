import type { Plan } from "../plans/plan.ts";
import {
  isInEarlyAccess,
  isReturningOwner,
  type OwnershipHistoryItem,
} from "../plans/returning-owners.ts";
import type { OwnerId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";

type NextPlanFields = Pick<
  Plan,
  "id" | "producerId" | "status" | "createdAt" | "salesWindow" | "maxSharesPerOwner" | "title"
>;

/** "Reserve again": what an owner of a finished season is offered on the producer's next plan. */
export interface NextSeason<P extends NextPlanFields = NextPlanFields> {
  readonly nextPlan: P;
  /** From when this owner may reserve (the returning owners' early window, else the opening). */
  readonly opensToYouAt: Instant;
  /** The owner may reserve right now. */
  readonly windowOpen: boolean;
  /** The shares to prefill: as many as last season, within the next plan's per-owner cap. */
  readonly suggestedShares: number;
  /** The owner already holds shares of the next plan (nothing left to do). */
  readonly alreadyReserved: boolean;
}

/**
 * The producer's next plan after `completed`: the earliest created after it that sells (open);
 * drafts are not public and closed or cancelled plans cannot be bought.
 */
export const nextPlanOf = <P extends NextPlanFields>(
  completed: Pick<Plan, "id" | "producerId" | "createdAt">,
  producerPlans: readonly P[],
): P | undefined =>
  producerPlans
    .filter(
      (p) =>
        p.producerId === completed.producerId &&
        p.id !== completed.id &&
        p.createdAt > completed.createdAt &&
        p.status === "open",
    )
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))[0];

/**
 * The offer for one owner of a completed plan. The window is the returning-owner rule the
 * reservation itself applies: a returning owner buys from `returningOwnersOpenAt`, everyone from
 * `opensAt`, nobody after `closesAt`.
 */
export const nextSeasonFor = <P extends NextPlanFields>(input: {
  readonly ownerId: OwnerId;
  readonly completed: Pick<Plan, "id" | "producerId" | "createdAt" | "status">;
  readonly producerPlans: readonly P[];
  /** The owner's ownerships with this producer (any status). */
  readonly ownerships: readonly (OwnershipHistoryItem & { readonly shares: number })[];
  readonly now: Instant;
}): NextSeason<P> | undefined => {
  const { ownerId, completed, now } = input;
  if (completed.status !== "completed") return undefined;
  const nextPlan = nextPlanOf(completed, input.producerPlans);
  if (nextPlan === undefined) return undefined;
  const mine = input.ownerships.filter((o) => o.ownerId === ownerId && o.status === "active");
  const lastSeasonShares = mine
    .filter((o) => o.planId === completed.id)
    .reduce((sum, o) => sum + o.shares, 0);
  if (lastSeasonShares === 0) return undefined;
  const returning = isReturningOwner(ownerId, {
    plan: nextPlan,
    plans: [completed, ...input.producerPlans],
    ownerships: mine,
  });
  const { opensAt, closesAt, returningOwnersOpenAt } = nextPlan.salesWindow;
  const opensToYouAt =
    returning && returningOwnersOpenAt !== undefined && returningOwnersOpenAt < opensAt
      ? returningOwnersOpenAt
      : opensAt;
  const windowOpen =
    nextPlan.status === "open" &&
    now < closesAt &&
    ((returning && isInEarlyAccess(nextPlan, now)) || opensAt <= now);
  return {
    nextPlan,
    opensToYouAt,
    windowOpen,
    suggestedShares: Math.max(1, Math.min(lastSeasonShares, nextPlan.maxSharesPerOwner)),
    alreadyReserved: input.ownerships.some(
      (o) =>
        o.ownerId === ownerId &&
        o.planId === nextPlan.id &&
        (o.status === "active" || o.status === "pending_payment"),
    ),
  };
};
