import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import type { Yen } from "../money/money.ts";
import type { RiskTerms } from "../plans/plan.ts";
import { byReservationOrder, type OwnershipStatus } from "../reservations/ownership.ts";
import { lotId, ownershipId } from "../shared/ids.ts";
import { addMillis, instant } from "../shared/time.ts";
import { type AllocationResult, allocate } from "./allocation.ts";
import type { AllocatableLot, AllocatableOwnership, AllocationInput } from "./allocation-input.ts";
import { maxApportionableHouse } from "./allocation-quota.ts";
import type { LotGrade } from "./harvest.ts";
import { referenceQuotaMethod } from "./quota-reference.fixtures.ts";
import { settleShortfall } from "./settlement.ts";

const T0 = instant("2026-05-01T00:00:00.000Z");
const at = (minutes: number) => addMillis(T0, minutes * 60_000);
const BILLION = 1_000_000_000;

const allocated = (input: AllocationInput): AllocationResult => {
  const result = allocate(input);
  if (E.isLeft(result)) throw new Error(`unexpected ${result.left._tag}: ${result.left.message}`);
  return result.right;
};

// Shares reach 10⁹: a few huge holdings, ties (the same value drawn twice) and skew (1 next to 10⁹).
const bigShares = fc.oneof(
  fc.integer({ min: 1, max: BILLION }),
  fc.constantFrom(1, 2, BILLION - 1, BILLION),
  fc.integer({ min: 1, max: 6 }),
);
const statusArb = fc.constantFrom<OwnershipStatus | undefined>(
  undefined,
  "active",
  "active",
  "cancelled",
  "pending_payment",
  "payment_failed",
);

const ownershipsArb = fc
  .uniqueArray(
    fc.record({
      id: fc.integer({ min: 0, max: 9 }).map((n) => `own-${n}`),
      shares: bigShares,
      minute: fc.integer({ min: 0, max: 2 }),
      status: statusArb,
    }),
    { selector: (o) => o.id, minLength: 0, maxLength: 5 },
  )
  .map((os) =>
    os.map(
      (o): AllocatableOwnership => ({
        id: ownershipId(o.id),
        shares: o.shares,
        reservedAt: at(o.minute),
        ...(o.status === undefined ? {} : { status: o.status }),
      }),
    ),
  );

const lotsArb = (maxStandard: number, maxOffspec: number) =>
  fc
    .uniqueArray(
      fc.record({
        id: fc.integer({ min: 0, max: 20 }).map((n) => `lot-${n}`),
        grade: fc.constantFrom<LotGrade>("standard", "standard", "offspec"),
        quantity: fc.double(),
        minute: fc.integer({ min: 0, max: 4 }),
      }),
      { selector: (l) => l.id, maxLength: 6 },
    )
    .chain((ls) =>
      fc.tuple(
        ...ls.map((l) =>
          fc
            .oneof(
              fc.integer({ min: 0, max: l.grade === "standard" ? maxStandard : maxOffspec }),
              fc.constant(l.grade === "standard" ? maxStandard : maxOffspec),
              fc.constant(0),
            )
            .map(
              (quantity): AllocatableLot => ({
                id: lotId(l.id),
                quantity,
                grade: l.grade,
                recordedAt: at(l.minute),
              }),
            ),
        ),
      ),
    );

/**
 * Two regimes keep the house (units actually divided) small enough for the unit-by-unit
 * reference while the magnitudes reach 10⁹:
 * - shortfall: units per share up to 10⁹, so the entitlement is huge and small lots all go out;
 * - surplus: lots of up to 10⁹ units against a small entitlement and bonus cap, so most return.
 */
const shortfallArb: fc.Arbitrary<AllocationInput> = fc.record({
  // Small units per share too, or 10⁹ shares times 10⁹ units is always refused as too large.
  unitsPerShare: fc.oneof(
    fc.integer({ min: 1, max: BILLION }),
    fc.constant(BILLION),
    fc.integer({ min: 1, max: 4 }),
  ),
  surplusBonusCapUnits: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: BILLION })),
  ownerships: ownershipsArb,
  lots: lotsArb(120, 120),
});
const surplusArb: fc.Arbitrary<AllocationInput> = fc.record({
  unitsPerShare: fc.integer({ min: 1, max: 3 }),
  surplusBonusCapUnits: fc.nat(40),
  ownerships: ownershipsArb.map((os) => os.map((o) => ({ ...o, shares: 1 + (o.shares % 20) }))),
  lots: lotsArb(BILLION, 150),
});
const hardInputArb = fc.oneof(shortfallArb, surplusArb);

const activeOf = (input: AllocationInput) =>
  input.ownerships
    .filter((o) => o.status === undefined || o.status === "active")
    .sort(byReservationOrder);

/** Replays the lots: each grade's house and cumulative units per ownership after every lot. */
const cumulativeAfterEachLot = (result: AllocationResult) => {
  const sums = {
    standard: result.ownerships.map(() => 0),
    offspec: result.ownerships.map(() => 0),
  };
  const houses = { standard: 0, offspec: 0 };
  return result.lots.map((l) => {
    const sum = sums[l.grade];
    l.units.forEach((u, i) => {
      sum[i] = (sum[i] as number) + u;
    });
    houses[l.grade] += l.allocatedUnits;
    return { lot: l, house: houses[l.grade], cumulative: [...sum] };
  });
};

describe("allocate: magnitudes up to 10⁹ against the unit-by-unit reference", () => {
  it("matches the reference after every lot, skips cancelled ownerships and conserves units", () => {
    fc.assert(
      fc.property(hardInputArb, (input) => {
        const result = allocate(input);
        const active = activeOf(input);
        const totalShares = active.reduce((sum, o) => sum + o.shares, 0);
        const capacity = totalShares * input.unitsPerShare + input.surplusBonusCapUnits;
        if (E.isLeft(result)) {
          // Only an entitlement beyond exact integers may be refused, and with the right code.
          expect(result.left._tag).toBe("HARVEST.NOT_ALLOCATABLE");
          expect(Number.isSafeInteger(capacity)).toBe(false);
          return;
        }
        const r = result.right;
        // Cancelled ownerships get nothing: they are not in the result at all.
        expect(r.ownerships.map((o) => o.ownershipId)).toEqual(active.map((o) => o.id));
        const shares = active.map((o) => o.shares);
        for (const { lot: l, house, cumulative } of cumulativeAfterEachLot(r)) {
          expect(l.allocatedUnits + l.returnedToProducer).toBe(l.quantity);
          expect(cumulative).toEqual(
            active.length === 0 ? [] : referenceQuotaMethod(shares, house),
          );
        }
        const t = r.totals;
        expect(t.allocatedStandard).toBe(
          active.length === 0 ? 0 : Math.min(t.harvestedStandard, capacity),
        );
        expect(t.allocatedStandard + t.allocatedOffspec + t.returnedToProducer).toBe(
          t.harvestedStandard + t.harvestedOffspec,
        );
        expect(t.allocatedStandard - t.bonusUnits + t.shortfallUnits).toBe(t.entitledUnits);
      }),
      { numRuns: 400 },
    );
  });
});

describe("allocate: the size limit", () => {
  // Two 10⁹-share holdings: the safe-integer bound, not Int32, sets the largest house.
  const huge = (id: string, minute: number): AllocatableOwnership => ({
    id: ownershipId(id),
    shares: BILLION,
    reservedAt: at(minute),
  });
  const ownerships = [
    huge("a", 0),
    huge("b", 1),
    { ...huge("gone", 0), status: "cancelled" as const },
  ];
  const limit = maxApportionableHouse(2 * BILLION, BILLION);
  const input = (quantity: number): AllocationInput => ({
    unitsPerShare: 1,
    surplusBonusCapUnits: 0,
    ownerships,
    lots: [{ id: lotId("off"), quantity, grade: "offspec", recordedAt: at(0) }],
  });

  it("is bound by safe integers here, well below Int32", () => {
    expect(limit).toBeGreaterThan(1_000_000);
    expect(limit).toBeLessThan(2_147_483_647);
  });

  it("allocates a lot of exactly the limit, within quota and conserved", () => {
    const result = allocated(input(limit));
    const [a, b] = result.ownerships.map((o) => o.offspecUnits);
    expect((a as number) + (b as number)).toBe(limit);
    // Equal shares: the earlier reservation takes the odd unit.
    expect([a, b]).toEqual([Math.ceil(limit / 2), Math.floor(limit / 2)]);
    expect(result.totals.returnedToProducer).toBe(0);
  });

  it("refuses one unit more with HARVEST.NOT_ALLOCATABLE", () => {
    const result = allocate(input(limit + 1));
    expect(E.isLeft(result) && result.left._tag).toBe("HARVEST.NOT_ALLOCATABLE");
  });

  it("is not refused for a huge standard harvest that mostly returns to the producer", () => {
    const result = allocated({
      ...input(0),
      unitsPerShare: 1,
      lots: [
        {
          id: lotId("std"),
          quantity: Number.MAX_SAFE_INTEGER,
          grade: "standard",
          recordedAt: at(0),
        },
      ],
      ownerships: [{ ...huge("a", 0), shares: 3 }],
    });
    expect(result.totals.allocatedStandard).toBe(3);
    expect(result.totals.returnedToProducer).toBe(Number.MAX_SAFE_INTEGER - 3);
  });
});

describe("allocate then settle: units and yen conserve together", () => {
  const scenarioArb = fc.record({
    input: fc.oneof(shortfallArb, surplusArb),
    terms: fc.constantFrom<RiskTerms>("refund", "credit", "shared"),
    // Price per share up to 10⁶ yen: paid = shares * price may pass 2^53 and must still settle.
    pricePerShare: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.constant(1)),
  });

  it("allocated + returned = harvested, and refunds + kept = paid to the yen", () => {
    fc.assert(
      fc.property(scenarioArb, ({ input, terms, pricePerShare }) => {
        const result = allocate(input);
        fc.pre(E.isRight(result));
        if (!E.isRight(result)) return;
        const r = result.right;
        const shortfall = r.ownerships.map((o) => ({
          ownershipId: o.ownershipId,
          shares: o.shares,
          entitledUnits: o.entitledUnits,
          receivedStandardUnits: o.standardUnits,
          paidForSharesYen: (o.shares * pricePerShare) as Yen,
        }));
        fc.pre(shortfall.every((o) => Number.isSafeInteger(o.paidForSharesYen)));
        const settled = settleShortfall(terms, shortfall);
        if (E.isLeft(settled)) throw new Error(`settle refused: ${settled.left._tag}`);
        const lines = settled.right;

        // Units: every harvested unit is either someone's or the producer's.
        const t = r.totals;
        const toOwners = r.ownerships.reduce((s, o) => s + o.standardUnits + o.offspecUnits, 0);
        expect(toOwners + t.returnedToProducer).toBe(t.harvestedStandard + t.harvestedOffspec);
        const missing = lines.reduce((s, l) => s + l.missingUnits, 0);
        expect(missing).toBe(t.shortfallUnits);

        // Yen, in BigInt: compensation + kept = paid, and the total is floor of the exact sum.
        const paid = shortfall.reduce((s, o) => s + BigInt(o.paidForSharesYen), 0n);
        const compensated = lines.reduce((s, l) => s + BigInt(l.compensation.amountYen), 0n);
        const kept = shortfall.reduce(
          (s, o, i) =>
            s + BigInt(o.paidForSharesYen) - BigInt(lines[i]?.compensation.amountYen ?? 0),
          0n,
        );
        expect(compensated + kept).toBe(paid);
        if (terms === "shared" || missing === 0) {
          expect(compensated).toBe(0n);
        } else {
          // exact total = sum(paid_i * missing_i / entitled_i) = pricePerShare * missing / unitsPerShare
          const exactNum = BigInt(pricePerShare) * BigInt(missing);
          expect(compensated).toBe(exactNum / BigInt(input.unitsPerShare));
          lines.forEach((l, i) => {
            expect(l.compensation.kind).toBe(l.missingUnits === 0 ? "none" : terms);
            expect(l.compensation.amountYen).toBeLessThanOrEqual(
              shortfall[i]?.paidForSharesYen ?? 0,
            );
          });
        }
      }),
      { numRuns: 400 },
    );
  });
});
