import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { platformFee } from "../pricing/fees.ts";
import { ledgerEntryId, type OwnershipId, ownershipId, planId } from "../shared/ids.ts";
import { instant } from "../shared/time.ts";
import {
  checkBalanced,
  creditEntries,
  fullRefundEntries,
  type LedgerContext,
  type LedgerEntry,
  ledgerBalance,
  ownershipPosition,
  partialRefundEntries,
  reservationEntries,
} from "./ledger.ts";
import { type Yen, yen } from "./money.ts";

const PLAN = planId("plan-1");
const AT = instant("2026-10-01T09:00:00.000Z");

const tagOf = (result: E.Either<{ _tag: string }, unknown>) =>
  E.isLeft(result) ? result.left._tag : "right";

const ok = <T>(result: E.Either<unknown, T>): T => {
  if (E.isLeft(result)) throw new Error(`expected success, got ${JSON.stringify(result.left)}`);
  return result.right;
};

const ctx = (ownership: string, event: string): LedgerContext => ({
  planId: PLAN,
  ownershipId: ownershipId(ownership),
  at: AT,
  actor: "owner-1",
  entryId: (suffix) => ledgerEntryId(`${ownership}#${event}#${suffix}`),
});

const quoteOf = (totalYen: number, bps: number) => {
  const split = ok(platformFee(yen(totalYen), bps));
  return { totalYen: yen(totalYen), ...split };
};

const amounts = (entries: readonly LedgerEntry[]) =>
  entries.map((e) => [e.kind, e.amountYen, e.reason]);

describe("ledger entries: examples", () => {
  const reserved = ok(reservationEntries(ctx("o1", "r"), quoteOf(3900, 1000)));

  it("records a reservation as a charge accrued to payout and fee, with the caller's ids", () => {
    expect(amounts(reserved)).toEqual([
      ["charge", 3900, "reservation"],
      ["payout", 3510, "reservation"],
      ["fee", 390, "reservation"],
    ]);
    expect(reserved.map((e) => e.id)).toEqual(["o1#r#charge", "o1#r#payout", "o1#r#fee"]);
    expect(reserved[0]).toMatchObject({
      planId: PLAN,
      ownershipId: "o1",
      at: AT,
      actor: "owner-1",
    });
    expect(ledgerBalance(reserved).isBalanced).toBe(true);
  });

  it("refunds a cancellation in full and reverses payout and fee", () => {
    const refund = ok(fullRefundEntries(ctx("o1", "c"), "cancellation", reserved));
    expect(amounts(refund)).toEqual([
      ["refund", 3900, "cancellation"],
      ["payout", -3510, "cancellation"],
      ["fee", -390, "cancellation"],
    ]);
    const balance = ledgerBalance([...reserved, ...refund]);
    expect(balance).toMatchObject({
      chargesYen: 3900,
      refundsYen: 3900,
      payoutsYen: 0,
      feesYen: 0,
    });
    expect(balance.isBalanced).toBe(true);
  });

  it("recomputes the fee on what is kept after a partial refund", () => {
    // 3900 at 10%: fee 390. Refund 1000: 2900 kept, fee 290; 100 from the fee, 900 from payout.
    const partial = ok(
      partialRefundEntries(ctx("o1", "s"), {
        refundYen: yen(1000),
        feeBps: 1000,
        reason: "shortfall-refund",
        history: reserved,
      }),
    );
    expect(amounts(partial)).toEqual([
      ["refund", 1000, "shortfall-refund"],
      ["payout", -900, "shortfall-refund"],
      ["fee", -100, "shortfall-refund"],
    ]);
    const position = ownershipPosition([...reserved, ...partial], PLAN, ownershipId("o1"));
    expect(position).toMatchObject({ chargedYen: 2900, payoutYen: 2610, feeYen: 290 });

    // A later cancellation refunds only what is left.
    const rest = ok(
      fullRefundEntries(ctx("o1", "c"), "plan-cancellation", [...reserved, ...partial]),
    );
    expect(amounts(rest).map(([, amount]) => amount)).toEqual([2900, -2610, -290]);
  });

  it("takes the whole of a tiny refund from the payout when the floored fee does not move", () => {
    const small = ok(reservationEntries(ctx("o2", "r"), quoteOf(999, 1000)));
    const partial = ok(
      partialRefundEntries(ctx("o2", "s"), {
        refundYen: yen(5),
        feeBps: 1000,
        reason: "shortfall-refund",
        history: small,
      }),
    );
    // 994 kept: fee floor(99.4) = 99, unchanged.
    expect(amounts(partial).map(([, amount]) => amount)).toEqual([5, -5, 0]);
    expect(Object.is(partial[2]?.amountYen, 0)).toBe(true);
  });

  it("writes nothing for a refund or credit of 0", () => {
    const none = partialRefundEntries(ctx("o1", "s"), {
      refundYen: yen(0),
      feeBps: 1000,
      reason: "shortfall-refund",
      history: reserved,
    });
    expect(none).toEqual(E.right([]));
    expect(creditEntries(ctx("o1", "k"), yen(0), "shortfall-credit")).toEqual(E.right([]));
  });

  it("keeps store credit out of the money equation but sums it", () => {
    const credit = ok(creditEntries(ctx("o1", "k"), yen(700), "shortfall-credit"));
    expect(amounts(credit)).toEqual([["credit", 700, "shortfall-credit"]]);
    const balance = ledgerBalance([...reserved, ...credit]);
    expect(balance).toMatchObject({ chargesYen: 3900, creditsYen: 700, isBalanced: true });
    expect(ownershipPosition([...reserved, ...credit], PLAN, ownershipId("o1")).creditYen).toBe(
      700,
    );
  });

  it("reads one ownership's position only, ignoring other ownerships and plans", () => {
    const other = ok(reservationEntries(ctx("o9", "r"), quoteOf(5000, 1000)));
    const otherPlan = reserved.map((e) => ({ ...e, planId: planId("plan-2") }));
    const position = ownershipPosition(
      [...reserved, ...other, ...otherPlan],
      PLAN,
      ownershipId("o1"),
    );
    expect(position).toMatchObject({ chargedYen: 3900, payoutYen: 3510, feeYen: 390 });
  });
});

describe("ledger entries: errors", () => {
  const reserved = ok(reservationEntries(ctx("o1", "r"), quoteOf(3900, 1000)));
  const partial = (refundYen: number, feeBps = 1000, history = reserved) =>
    partialRefundEntries(ctx("o1", "s"), {
      refundYen: refundYen as Yen,
      feeBps,
      reason: "shortfall-refund",
      history,
    });

  it("LEDGER.UNBALANCED for a quote whose fee and payout do not add up", () => {
    const bad = { totalYen: yen(1000), feeYen: yen(100), payoutYen: yen(901) };
    expect(tagOf(reservationEntries(ctx("o1", "r"), bad))).toBe("LEDGER.UNBALANCED");
  });

  it("MONEY.NEGATIVE / MONEY.NOT_SAFE_INTEGER for bad amounts", () => {
    const negative = { totalYen: yen(0), feeYen: yen(100), payoutYen: yen(-100) };
    expect(tagOf(reservationEntries(ctx("o1", "r"), negative))).toBe("MONEY.NEGATIVE");
    expect(tagOf(partial(-1))).toBe("MONEY.NEGATIVE");
    expect(tagOf(partial(1.5))).toBe("MONEY.NOT_SAFE_INTEGER");
    expect(tagOf(creditEntries(ctx("o1", "k"), -1 as Yen, "shortfall-credit"))).toBe(
      "MONEY.NEGATIVE",
    );
  });

  it("LEDGER.UNBALANCED for a refund above what is left charged", () => {
    const result = partial(3901);
    expect(tagOf(result)).toBe("LEDGER.UNBALANCED");
    expect(E.isLeft(result) && result.left.details).toMatchObject({ chargedYen: 3900 });
    expect(tagOf(partial(3900))).toBe("right");
  });

  it("LEDGER.UNBALANCED for a history that does not balance", () => {
    const tampered = reserved.map((e) => (e.kind === "fee" ? { ...e, amountYen: yen(391) } : e));
    expect(tagOf(partial(10, 1000, tampered))).toBe("LEDGER.UNBALANCED");
    expect(tagOf(fullRefundEntries(ctx("o1", "c"), "cancellation", tampered))).toBe(
      "LEDGER.UNBALANCED",
    );
    expect(tagOf(checkBalanced(tampered))).toBe("LEDGER.UNBALANCED");
    expect(tagOf(checkBalanced(reserved))).toBe("right");
  });

  it("VALIDATION.INVALID when the ownership was never charged", () => {
    expect(tagOf(fullRefundEntries(ctx("o7", "c"), "cancellation", reserved))).toBe(
      "VALIDATION.INVALID",
    );
  });

  it("OWNERSHIP.NOT_ACTIVE for a second full refund", () => {
    const refund = ok(fullRefundEntries(ctx("o1", "c"), "cancellation", reserved));
    expect(
      tagOf(fullRefundEntries(ctx("o1", "c2"), "cancellation", [...reserved, ...refund])),
    ).toBe("OWNERSHIP.NOT_ACTIVE");
  });

  it("PRICING.INVALID for a bad fee rate on a partial refund", () => {
    expect(tagOf(partial(10, 10_001))).toBe("PRICING.INVALID");
  });
});

// ---------------------------------------------------------------- properties

type Op =
  | { readonly op: "reserve"; readonly totalYen: number }
  | { readonly op: "cancel"; readonly pick: number }
  | {
      readonly op: "partial";
      readonly pick: number;
      readonly percent: number;
      readonly extra: number;
    }
  | { readonly op: "credit"; readonly pick: number; readonly amount: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant("reserve" as const),
    totalYen: fc.integer({ min: 0, max: 200_000 }),
  }),
  fc.record({ op: fc.constant("cancel" as const), pick: fc.nat() }),
  fc.record({
    op: fc.constant("partial" as const),
    pick: fc.nat(),
    percent: fc.integer({ min: 0, max: 100 }),
    // Sometimes ask for a little more than is left, which must be refused.
    extra: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 })),
  }),
  fc.record({ op: fc.constant("credit" as const), pick: fc.nat(), amount: fc.nat(5000) }),
);

describe("ledger: properties", () => {
  it("balances exactly after ANY sequence of reservations, cancellations and partial refunds", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(opArb, { minLength: 1, maxLength: 30 }),
        (bps, ops) => {
          let ledger: LedgerEntry[] = [];
          const owners: OwnershipId[] = [];
          ops.forEach((op, step) => {
            if (op.op === "reserve") {
              const id = ownershipId(`o${owners.length}`);
              owners.push(id);
              const entries = ok(reservationEntries(ctx(id, `${step}`), quoteOf(op.totalYen, bps)));
              ledger = [...ledger, ...entries];
            } else {
              const id = owners.length === 0 ? undefined : owners[op.pick % owners.length];
              if (id === undefined) return;
              const before = ownershipPosition(ledger, PLAN, id);
              let result: E.Either<{ _tag: string }, LedgerEntry[]>;
              if (op.op === "cancel") {
                result = fullRefundEntries(ctx(id, `${step}`), "cancellation", ledger);
                expect(E.isLeft(result)).toBe(before.fullyRefunded);
              } else if (op.op === "partial") {
                const refund = Math.floor((before.chargedYen * op.percent) / 100) + op.extra;
                result = partialRefundEntries(ctx(id, `${step}`), {
                  refundYen: refund as Yen,
                  feeBps: bps,
                  reason: "shortfall-refund",
                  history: ledger,
                });
                expect(tagOf(result)).toBe(
                  refund > before.chargedYen ? "LEDGER.UNBALANCED" : "right",
                );
              } else {
                result = creditEntries(ctx(id, `${step}`), op.amount as Yen, "shortfall-credit");
              }
              if (E.isRight(result)) ledger = [...ledger, ...result.right];
            }

            const balance = ledgerBalance(ledger);
            expect(balance.chargesYen - balance.refundsYen).toBe(
              balance.payoutsYen + balance.feesYen,
            );
            expect(balance.isBalanced).toBe(true);
            for (const id of owners) {
              const p = ownershipPosition(ledger, PLAN, id);
              // Each ownership is exact on its own: the fee is always floor(kept * bps), the
              // payout the rest, and nothing goes below zero.
              expect(p.chargedYen).toBeGreaterThanOrEqual(0);
              expect(p.payoutYen).toBeGreaterThanOrEqual(0);
              expect(p.feeYen).toBe(Math.floor((p.chargedYen * bps) / 10_000));
              expect(p.payoutYen + p.feeYen).toBe(p.chargedYen);
              if (p.fullyRefunded) expect(p.chargedYen).toBe(0);
            }
          });
          // Ids are unique across the whole ledger: callers' suffixes never collide.
          expect(new Set(ledger.map((e) => e.id)).size).toBe(ledger.length);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
