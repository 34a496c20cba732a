import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { OwnerId, PlanId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { LedgerEntry } from "./ledger.ts";
import type { Yen } from "./money.ts";
import { type ProducerActivity, producerSummary } from "./producer-summary.ts";

const PLAN_IDS = ["plan_a", "plan_b", "plan_c"] as const;

const ownershipArb = fc.record({
  ownerId: fc.constantFrom("o1", "o2", "o3", "o4", "o5").map((id) => id as OwnerId),
  planId: fc.constantFrom(...PLAN_IDS, "plan_other").map((id) => id as PlanId),
  shares: fc.integer({ min: 1, max: 10 }),
  status: fc.constantFrom("active" as const, "cancelled" as const),
  reservedAt: fc
    .integer({ min: Date.parse("2026-01-01"), max: Date.parse("2026-03-01") })
    .map((ms) => new Date(ms).toISOString() as Instant),
});

/** A reservation's entries as the ledger writes them: charge = payout + fee, maybe refunded. */
const moneyEventArb = fc
  .record({
    planId: fc.constantFrom(...PLAN_IDS, "plan_other").map((id) => id as PlanId),
    payout: fc.integer({ min: 0, max: 100_000 }),
    fee: fc.integer({ min: 0, max: 10_000 }),
    refunded: fc.boolean(),
    credit: fc.integer({ min: 0, max: 5_000 }),
  })
  .map(({ planId, payout, fee, refunded, credit }) => {
    const e = (kind: LedgerEntry["kind"], amount: number) => ({
      planId,
      kind,
      amountYen: amount as Yen,
    });
    const entries = [e("charge", payout + fee), e("payout", payout), e("fee", fee)];
    // A refund reverses the payout and the fee, keeping the books balanced.
    return refunded
      ? [...entries, e("refund", payout + fee), e("payout", -payout), e("fee", -fee)]
      : [...entries, e("credit", credit)];
  });

const activityArb: fc.Arbitrary<ProducerActivity> = fc.record({
  plans: fc
    .subarray([...PLAN_IDS], { minLength: 1 })
    .map((ids) =>
      ids.map((id) => ({ id: id as PlanId, title: `title of ${id}`, status: "open" as const })),
    ),
  ownerships: fc.array(ownershipArb, { maxLength: 40 }),
  ledger: fc.array(moneyEventArb, { maxLength: 20 }).map((events) => events.flat()),
});

const RUNS = { numRuns: 500 };

describe("producerSummary", () => {
  it("adds up: totals are the sum of the plans, and shares by day sum to shares sold", () => {
    fc.assert(
      fc.property(activityArb, (activity) => {
        const s = producerSummary(activity);
        const sum = (f: (p: (typeof s.plans)[number]) => number) =>
          s.plans.reduce((t, p) => t + f(p), 0);
        expect(sum((p) => p.sharesSold)).toBe(s.sharesSold);
        expect(sum((p) => p.revenueYen)).toBe(s.revenueYen);
        expect(sum((p) => p.feesYen)).toBe(s.feesYen);
        expect(sum((p) => p.payoutYen)).toBe(s.payoutYen);
        expect(s.sharesSoldByDay.reduce((t, d) => t + d.shares, 0)).toBe(s.sharesSold);
        const days = s.sharesSoldByDay.map((d) => d.day);
        expect(days).toEqual([...new Set(days)].sort());
      }),
      RUNS,
    );
  });

  it("balances: with a balanced ledger, revenue is exactly payout plus fees", () => {
    fc.assert(
      fc.property(activityArb, (activity) => {
        const s = producerSummary(activity);
        expect(s.revenueYen).toBe(s.payoutYen + s.feesYen);
      }),
      RUNS,
    );
  });

  it("counts owners of active ownerships only, and repeat owners among them", () => {
    fc.assert(
      fc.property(activityArb, (activity) => {
        const s = producerSummary(activity);
        const mine = new Set<string>(activity.plans.map((p) => p.id));
        const plansOf = new Map<string, Set<string>>();
        for (const o of activity.ownerships) {
          if (o.status !== "active" || !mine.has(o.planId)) continue;
          plansOf.set(o.ownerId, (plansOf.get(o.ownerId) ?? new Set()).add(o.planId));
        }
        expect(s.owners).toBe(plansOf.size);
        expect(s.repeatOwners).toBe([...plansOf.values()].filter((p) => p.size > 1).length);
        expect(s.repeatOwnerRate).toBeGreaterThanOrEqual(0);
        expect(s.repeatOwnerRate).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it("ignores other producers' plans: their ownerships and entries change nothing", () => {
    fc.assert(
      fc.property(activityArb, (activity) => {
        const without = {
          ...activity,
          ownerships: activity.ownerships.filter((o) => o.planId !== "plan_other"),
          ledger: activity.ledger.filter((e) => e.planId !== "plan_other"),
        };
        expect(producerSummary(activity)).toEqual(producerSummary(without));
      }),
      RUNS,
    );
  });

  it("reads an example the way a producer would", () => {
    const at = (iso: string) => iso as Instant;
    const s = producerSummary({
      plans: [
        { id: "plan_a" as PlanId, title: "Figs", status: "open" },
        { id: "plan_b" as PlanId, title: "Apples", status: "closed" },
      ],
      ownerships: [
        // 2026-01-01T15:30Z is already 2 January in Japan.
        {
          ownerId: "o1" as OwnerId,
          planId: "plan_a" as PlanId,
          shares: 2,
          status: "active",
          reservedAt: at("2026-01-01T15:30:00.000Z"),
        },
        {
          ownerId: "o1" as OwnerId,
          planId: "plan_b" as PlanId,
          shares: 1,
          status: "active",
          reservedAt: at("2026-01-02T01:00:00.000Z"),
        },
        {
          ownerId: "o2" as OwnerId,
          planId: "plan_a" as PlanId,
          shares: 3,
          status: "cancelled",
          reservedAt: at("2026-01-02T02:00:00.000Z"),
        },
        {
          ownerId: "o3" as OwnerId,
          planId: "plan_a" as PlanId,
          shares: 1,
          status: "active",
          reservedAt: at("2026-01-03T02:00:00.000Z"),
        },
      ],
      ledger: [
        { planId: "plan_a" as PlanId, kind: "charge", amountYen: 10_000 as Yen },
        { planId: "plan_a" as PlanId, kind: "fee", amountYen: 1_000 as Yen },
        { planId: "plan_a" as PlanId, kind: "payout", amountYen: 9_000 as Yen },
      ],
    });
    expect(s).toMatchObject({
      sharesSold: 4,
      owners: 2,
      repeatOwners: 1,
      repeatOwnerRate: 0.5,
      revenueYen: 10_000,
      feesYen: 1_000,
      payoutYen: 9_000,
      sharesSoldByDay: [
        { day: "2026-01-02", shares: 3 },
        { day: "2026-01-03", shares: 1 },
      ],
    });
    expect(s.plans.map((p) => [p.title, p.sharesSold, p.owners])).toEqual([
      ["Figs", 3, 2],
      ["Apples", 1, 1],
    ]);
  });
});
