import type { Plan } from "../plans/plan.ts";
import type { LocalDate } from "../shared/time.ts";
import type { LedgerEntry } from "./ledger.ts";
import type { ProducerSummary } from "./producer-summary.ts";

/**
 * The producer summary kept current instead of recomputed: each write that changes an
 * ownership's paid shares or appends ledger entries adds its deltas to the plan's tally (and to
 * the tally of the day the ownership was reserved), so the dashboard reads tallies, not history.
 * Tallies are per plan (never one item per producer, which every sale would contend on).
 */
export interface PlanTally {
  readonly planId: string;
  /** Active (paid) shares. */
  readonly sharesSold: number;
  /** Owners with active shares in this plan. */
  readonly owners: number;
  /**
   * This plan's part of the producer's distinct owners and repeat owners: +1 where an owner's
   * count of active plans at the producer rose to 1 (to 2) through this plan, -1 where it fell
   * below. Only the sum over the producer's plans means something.
   */
  readonly producerOwners: number;
  readonly repeatOwners: number;
  /** Ledger amounts by entry kind. */
  readonly yen: Readonly<Partial<Record<LedgerEntry["kind"], number>>>;
}

/** Active shares reserved on one Japanese calendar day, in one plan. */
export interface DayTally {
  readonly planId: string;
  readonly day: LocalDate;
  readonly shares: number;
}

/** What is known of one owner before its paid shares in a plan move. */
export interface OwnerStanding {
  /** The owner's active shares in the plan. */
  readonly planShares: number;
  /** How many of the producer's plans the owner holds active shares in. */
  readonly producerPlans: number;
}

export type TallyDelta = Omit<PlanTally, "planId" | "yen">;

const crossed = (before: number, after: number, threshold: number): number =>
  before < threshold && after >= threshold ? 1 : before >= threshold && after < threshold ? -1 : 0;

/**
 * An owner's paid shares in a plan move by `shares` (positive: paid; negative: cancelled):
 * the owner's new standing and what the plan's tally gains.
 */
export const paidSharesMove = (
  before: OwnerStanding,
  shares: number,
): { readonly after: OwnerStanding; readonly delta: TallyDelta } => {
  const planShares = before.planShares + shares;
  const owners = crossed(before.planShares, planShares, 1);
  const producerPlans = before.producerPlans + owners;
  return {
    after: { planShares, producerPlans },
    delta: {
      sharesSold: shares,
      owners,
      producerOwners: crossed(before.producerPlans, producerPlans, 1),
      repeatOwners: crossed(before.producerPlans, producerPlans, 2),
    },
  };
};

/** Ledger amounts by plan and kind: what appending these entries adds to the tallies. */
export const ledgerTally = (
  entries: readonly Pick<LedgerEntry, "planId" | "kind" | "amountYen">[],
): Map<string, Partial<Record<LedgerEntry["kind"], number>>> => {
  const byPlan = new Map<string, Partial<Record<LedgerEntry["kind"], number>>>();
  for (const entry of entries) {
    const yen = byPlan.get(entry.planId) ?? {};
    yen[entry.kind] = (yen[entry.kind] ?? 0) + entry.amountYen;
    byPlan.set(entry.planId, yen);
  }
  return byPlan;
};

const moneyOf = (yen: PlanTally["yen"]) => {
  const refundsYen = yen.refund ?? 0;
  return {
    revenueYen: (yen.charge ?? 0) - refundsYen,
    refundsYen,
    feesYen: yen.fee ?? 0,
    payoutYen: yen.payout ?? 0,
    creditsYen: yen.credit ?? 0,
  };
};

const EMPTY: Omit<PlanTally, "planId"> = {
  sharesSold: 0,
  owners: 0,
  producerOwners: 0,
  repeatOwners: 0,
  yen: {},
};

/**
 * The summary from the tallies of the producer's plans: the same figures `producerSummary`
 * computes from every ownership and ledger entry. Tallies of other plans are ignored.
 */
export const summaryFromTallies = (
  plans: readonly Pick<Plan, "id" | "title" | "status">[],
  tallies: readonly PlanTally[],
  days: readonly DayTally[],
): ProducerSummary => {
  const byPlan = new Map(tallies.map((t) => [t.planId, t]));
  const planIds = new Set<string>(plans.map((p) => p.id));
  const figures = plans.map((plan) => {
    const tally = byPlan.get(plan.id) ?? { planId: plan.id, ...EMPTY };
    return { plan, tally };
  });
  const sum = (f: (t: Omit<PlanTally, "planId">) => number) =>
    figures.reduce((total, { tally }) => total + f(tally), 0);
  const yen: Partial<Record<LedgerEntry["kind"], number>> = {};
  for (const { tally } of figures)
    for (const [kind, amount] of Object.entries(tally.yen) as [LedgerEntry["kind"], number][])
      yen[kind] = (yen[kind] ?? 0) + amount;
  const owners = sum((t) => t.producerOwners);
  const repeatOwners = sum((t) => t.repeatOwners);
  const sharesByDay = new Map<LocalDate, number>();
  for (const d of days)
    if (planIds.has(d.planId)) sharesByDay.set(d.day, (sharesByDay.get(d.day) ?? 0) + d.shares);
  return {
    ...moneyOf(yen),
    sharesSold: sum((t) => t.sharesSold),
    owners,
    repeatOwners,
    repeatOwnerRate: owners === 0 ? 0 : repeatOwners / owners,
    plans: figures.map(({ plan, tally }) => ({
      planId: plan.id,
      title: plan.title,
      status: plan.status,
      ...moneyOf(tally.yen),
      sharesSold: tally.sharesSold,
      owners: tally.owners,
    })),
    // A day whose reservations were all cancelled drops out, as it does from the live figures.
    sharesSoldByDay: [...sharesByDay.entries()]
      .filter(([, shares]) => shares !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([day, shares]) => ({ day, shares })),
  };
};
