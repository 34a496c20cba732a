import type { Plan } from "../plans/plan.ts";
import type { Ownership } from "../reservations/ownership.ts";
import { type Instant, japanDayOf, type LocalDate } from "../shared/time.ts";
import type { LedgerEntry } from "./ledger.ts";

/** What is needed of the producer's plans, ownerships and ledger for its figures. */
export interface ProducerActivity {
  readonly plans: readonly Pick<Plan, "id" | "title" | "status">[];
  /** Ownerships of those plans, any status (cancelled ones count for nothing). */
  readonly ownerships: readonly Pick<
    Ownership,
    "ownerId" | "planId" | "shares" | "status" | "reservedAt"
  >[];
  /** Ledger entries of those plans. */
  readonly ledger: readonly Pick<LedgerEntry, "planId" | "kind" | "amountYen">[];
}

/** Money of one plan or of all, from the ledger: what was paid, kept, taken and paid out. */
export interface MoneyFigures {
  /** Charges minus refunds: what owners paid and did not get back. */
  readonly revenueYen: number;
  readonly refundsYen: number;
  readonly feesYen: number;
  readonly payoutYen: number;
  /** Store credit owed to owners (risk terms "credit"): no yen moved. */
  readonly creditsYen: number;
}

export interface PlanFigures extends MoneyFigures {
  readonly planId: string;
  readonly title: string;
  readonly status: string;
  readonly sharesSold: number;
  readonly owners: number;
}

export interface ProducerSummary extends MoneyFigures {
  readonly sharesSold: number;
  /** Distinct owners holding an active ownership in any of the producer's plans. */
  readonly owners: number;
  /** Of those, owners holding active ownerships in two or more of the producer's plans. */
  readonly repeatOwners: number;
  /** repeatOwners / owners, 0 without owners. */
  readonly repeatOwnerRate: number;
  readonly plans: readonly PlanFigures[];
  /** Active shares by the Japanese calendar day they were reserved, oldest first. */
  readonly sharesSoldByDay: readonly { readonly day: LocalDate; readonly shares: number }[];
}

const money = (entries: ProducerActivity["ledger"]): MoneyFigures => {
  const total = (kind: LedgerEntry["kind"]) =>
    entries.filter((e) => e.kind === kind).reduce((sum, e) => sum + e.amountYen, 0);
  const refundsYen = total("refund");
  return {
    revenueYen: total("charge") - refundsYen,
    refundsYen,
    feesYen: total("fee"),
    payoutYen: total("payout"),
    creditsYen: total("credit"),
  };
};

const countBy = <T>(items: readonly T[], keyOf: (item: T) => string): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return counts;
};

/**
 * A producer's figures computed from live data: shares sold, money from the ledger (so refunds,
 * credits and reversed fees are already netted), owners and repeat owners. Only the given plans
 * count; ownerships and entries of other plans are ignored.
 */
export const producerSummary = (activity: ProducerActivity): ProducerSummary => {
  const planIds = new Set<string>(activity.plans.map((p) => p.id));
  const active = activity.ownerships.filter((o) => o.status === "active" && planIds.has(o.planId));
  const ledger = activity.ledger.filter((e) => planIds.has(e.planId));

  // One (owner, plan) pair per owner and plan, however many reservations it made there.
  const ownerPlans = new Set(active.map((o) => `${o.ownerId}\u0000${o.planId}`));
  const plansPerOwner = countBy([...ownerPlans], (pair) => pair.split("\u0000")[0] ?? "");
  const owners = plansPerOwner.size;
  const repeatOwners = [...plansPerOwner.values()].filter((n) => n >= 2).length;

  const sharesByDay = new Map<LocalDate, number>();
  for (const o of active) {
    const day = japanDayOf(o.reservedAt as Instant);
    sharesByDay.set(day, (sharesByDay.get(day) ?? 0) + o.shares);
  }

  return {
    ...money(ledger),
    sharesSold: active.reduce((sum, o) => sum + o.shares, 0),
    owners,
    repeatOwners,
    repeatOwnerRate: owners === 0 ? 0 : repeatOwners / owners,
    plans: activity.plans.map((plan) => {
      const ofPlan = active.filter((o) => o.planId === plan.id);
      return {
        planId: plan.id,
        title: plan.title,
        status: plan.status,
        ...money(ledger.filter((e) => e.planId === plan.id)),
        sharesSold: ofPlan.reduce((sum, o) => sum + o.shares, 0),
        owners: new Set(ofPlan.map((o) => o.ownerId)).size,
      };
    }),
    sharesSoldByDay: [...sharesByDay.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([day, shares]) => ({ day, shares })),
  };
};
