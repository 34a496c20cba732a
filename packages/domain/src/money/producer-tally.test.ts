import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { OwnerId, PlanId } from "../shared/ids.ts";
import { type Instant, japanDayOf } from "../shared/time.ts";
import type { LedgerEntry } from "./ledger.ts";
import type { Yen } from "./money.ts";
import { producerSummary } from "./producer-summary.ts";
import {
  type DayTally,
  ledgerTally,
  type OwnerStanding,
  type PlanTally,
  paidSharesMove,
  summaryFromTallies,
} from "./producer-tally.ts";

const PLANS = ["plan_a", "plan_b", "plan_c"].map((id) => ({
  id: id as PlanId,
  title: `title of ${id}`,
  status: "open" as const,
}));

const eventArb = fc.record({
  owner: fc.constantFrom("o1", "o2", "o3", "o4"),
  plan: fc.nat(2),
  shares: fc.integer({ min: 1, max: 5 }),
  day: fc.nat(3),
  // Paid and then maybe cancelled; a ledger amount of some kind with it.
  cancelled: fc.boolean(),
  kind: fc.constantFrom<LedgerEntry["kind"]>("charge", "refund", "fee", "payout", "credit"),
  amount: fc.integer({ min: -5_000, max: 5_000 }),
});

describe("producer tallies", () => {
  it("replayed move by move, give the summary recomputed from ownerships and ledger", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), (events) => {
        const tallies = new Map<string, PlanTally>();
        const days = new Map<string, DayTally>();
        const standing = new Map<string, OwnerStanding>();
        const plansOf = new Map<string, number>();
        const ownerships = [];
        const ledger = [];
        const move = (owner: string, planId: string, reservedAt: Instant, shares: number) => {
          const key = `${owner}|${planId}`;
          const before = {
            planShares: standing.get(key)?.planShares ?? 0,
            producerPlans: plansOf.get(owner) ?? 0,
          };
          const { after, delta } = paidSharesMove(before, shares);
          standing.set(key, after);
          plansOf.set(owner, after.producerPlans);
          const t = tallies.get(planId) ?? {
            planId,
            sharesSold: 0,
            owners: 0,
            producerOwners: 0,
            repeatOwners: 0,
            yen: {},
          };
          tallies.set(planId, {
            ...t,
            sharesSold: t.sharesSold + delta.sharesSold,
            owners: t.owners + delta.owners,
            producerOwners: t.producerOwners + delta.producerOwners,
            repeatOwners: t.repeatOwners + delta.repeatOwners,
          });
          const day = japanDayOf(reservedAt);
          const d = days.get(`${planId}|${day}`) ?? { planId, day, shares: 0 };
          days.set(`${planId}|${day}`, { ...d, shares: d.shares + shares });
        };
        for (const [i, e] of events.entries()) {
          const planId = PLANS[e.plan]?.id as PlanId;
          const reservedAt = new Date(
            Date.parse("2026-05-01T12:00:00.000Z") + e.day * 86_400_000 + i,
          ).toISOString() as Instant;
          move(e.owner, planId, reservedAt, e.shares);
          if (e.cancelled) move(e.owner, planId, reservedAt, -e.shares);
          ownerships.push({
            ownerId: e.owner as OwnerId,
            planId,
            shares: e.shares,
            status: e.cancelled ? ("cancelled" as const) : ("active" as const),
            reservedAt,
          });
          const entry = { planId, kind: e.kind, amountYen: e.amount as Yen };
          ledger.push(entry);
          for (const [id, yen] of ledgerTally([entry])) {
            const t = tallies.get(id) as PlanTally;
            const sum = { ...t.yen };
            for (const [kind, amount] of Object.entries(yen) as [LedgerEntry["kind"], number][])
              sum[kind] = (sum[kind] ?? 0) + amount;
            tallies.set(id, { ...t, yen: sum });
          }
        }
        expect(summaryFromTallies(PLANS, [...tallies.values()], [...days.values()])).toEqual(
          producerSummary({ plans: PLANS, ownerships, ledger }),
        );
      }),
      { numRuns: 300 },
    );
  });
});
