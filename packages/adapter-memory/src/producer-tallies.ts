import type { ProducerSummaries } from "@owners/app";
import {
  type DayTally,
  japanDayOf,
  type LedgerEntry,
  ledgerTally,
  type Ownership,
  type PlanTally,
  paidSharesMove,
  summaryFromTallies,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { atomically, copy, ownerSharesKey, type ReservationDb } from "./reservation-db.ts";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const tallyOf = (db: ReservationDb, planId: string): Mutable<PlanTally> => {
  const existing = db.planTallies.get(planId);
  if (existing !== undefined) return existing;
  const tally = { planId, sharesSold: 0, owners: 0, producerOwners: 0, repeatOwners: 0, yen: {} };
  db.planTallies.set(planId, tally);
  return tally;
};

/**
 * An ownership's paid shares move by `shares` (+ paid, - cancelled): the owner's paid count, its
 * count of active plans at the producer, and the plan's and day's tallies move together, as the
 * DynamoDB store moves them in one transaction. Called inside the store's atomic operation.
 */
export const movePaidShares = (
  db: ReservationDb,
  ownership: Pick<Ownership, "planId" | "ownerId" | "reservedAt">,
  producerId: string,
  shares: number,
): void => {
  const sharesKey = ownerSharesKey(ownership.planId, ownership.ownerId);
  const plansKey = `${ownership.ownerId}|${producerId}`;
  const { after, delta } = paidSharesMove(
    {
      planShares: db.ownerPaidShares.get(sharesKey) ?? 0,
      producerPlans: db.producerPlans.get(plansKey) ?? 0,
    },
    shares,
  );
  db.ownerPaidShares.set(sharesKey, after.planShares);
  db.producerPlans.set(plansKey, after.producerPlans);
  const tally = tallyOf(db, ownership.planId);
  tally.sharesSold += delta.sharesSold;
  tally.owners += delta.owners;
  tally.producerOwners += delta.producerOwners;
  tally.repeatOwners += delta.repeatOwners;
  const day = japanDayOf(ownership.reservedAt);
  const dayKey = `${ownership.planId}|${day}`;
  const dayTally = db.dayTallies.get(dayKey) ?? { planId: ownership.planId, day, shares: 0 };
  db.dayTallies.set(dayKey, { ...dayTally, shares: dayTally.shares + shares });
};

/** Appended ledger entries add their amounts to their plans' tallies (inside the append). */
export const tallyLedger = (db: ReservationDb, entries: readonly LedgerEntry[]): void => {
  // A plan not stored has no producer and no summary to count in (as on DynamoDB).
  for (const [planId, yen] of ledgerTally(entries.filter((e) => db.plans.has(e.planId)))) {
    const tally = tallyOf(db, planId);
    const sum: Mutable<PlanTally["yen"]> = { ...tally.yen };
    for (const [kind, amount] of Object.entries(yen) as [LedgerEntry["kind"], number][])
      sum[kind] = (sum[kind] ?? 0) + amount;
    tally.yen = sum;
  }
};

/** The in-memory twin of the DynamoDB producer summary read: the tallies, never the history. */
export const makeMemoryProducerSummaries = (db: ReservationDb): ProducerSummaries => ({
  summaryOf: (producerId) =>
    atomically(() => {
      const plans = [...db.plans.values()]
        .filter((p) => p.producerId === producerId)
        // Newest first, as the plan list by producer.
        .sort((a, b) =>
          a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
        );
      const ids = new Set<string>(plans.map((p) => p.id));
      const tallies = [...db.planTallies.values()].filter((t) => ids.has(t.planId));
      const days: DayTally[] = [...db.dayTallies.values()].filter((d) => ids.has(d.planId));
      return E.right(copy(summaryFromTallies(plans, tallies, days)));
    }),
});
