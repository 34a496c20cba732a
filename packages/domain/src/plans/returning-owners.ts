import type { Ownership } from "../reservations/ownership.ts";
import type { OwnerId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { Plan } from "./plan.ts";

/** What is needed of the producer's other plans to tell who is returning. */
export type PlanHistoryItem = Pick<Plan, "id" | "producerId" | "status" | "createdAt">;
/** What is needed of their ownerships. */
export type OwnershipHistoryItem = Pick<Ownership, "ownerId" | "planId" | "status">;

export interface OwnerHistory {
  /** The plan being opened to returning owners. */
  readonly plan: Pick<Plan, "id" | "producerId" | "createdAt">;
  /** Plans to consider (any producer; others are ignored). */
  readonly plans: readonly PlanHistoryItem[];
  /** Ownerships in those plans (any owner; cancelled ones are ignored). */
  readonly ownerships: readonly OwnershipHistoryItem[];
}

/**
 * The producer's plans created before this one whose owners count as fans. A cancelled plan
 * delivered nothing and was refunded, so owning a share of it does not make a returning owner;
 * a draft never had owners.
 */
const earlierPlanIds = ({ plan, plans }: OwnerHistory): ReadonlySet<string> =>
  new Set(
    plans
      .filter(
        (p) =>
          p.producerId === plan.producerId &&
          p.id !== plan.id &&
          p.createdAt < plan.createdAt &&
          p.status !== "cancelled" &&
          p.status !== "draft",
      )
      .map((p) => p.id),
  );

/**
 * Returning owners: owners holding an active (not cancelled) ownership in an earlier plan of the
 * same producer. An active ownership of a completed plan is the "completed ownership" case.
 */
export const returningOwnerIds = (history: OwnerHistory): ReadonlySet<OwnerId> => {
  const earlier = earlierPlanIds(history);
  return new Set(
    history.ownerships
      .filter((o) => o.status === "active" && earlier.has(o.planId))
      .map((o) => o.ownerId),
  );
};

export const isReturningOwner = (ownerId: OwnerId, history: OwnerHistory): boolean =>
  returningOwnerIds(history).has(ownerId);

/**
 * True while only returning owners may buy: the plan is published (open), it has an early
 * access instant, and `now` lies in [returningOwnersOpenAt, opensAt).
 */
export const isInEarlyAccess = (
  plan: Pick<Plan, "status" | "salesWindow">,
  now: Instant,
): boolean => {
  const { returningOwnersOpenAt, opensAt } = plan.salesWindow;
  return (
    plan.status === "open" &&
    returningOwnersOpenAt !== undefined &&
    returningOwnersOpenAt <= now &&
    now < opensAt
  );
};
