import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { type Yen, yen } from "../money/money.ts";
import type { RiskTerms } from "../plans/plan.ts";
import { ownershipId } from "../shared/ids.ts";
import {
  compensationDue,
  type OwnershipSettlement,
  proportionalCompensation,
  type ShortfallInput,
  settleShortfall,
} from "./settlement.ts";

const tagOf = (result: E.Either<{ _tag: string }, unknown>) =>
  E.isLeft(result) ? result.left._tag : "right";

const ok = <T>(result: E.Either<unknown, T>): T => {
  if (E.isLeft(result)) throw new Error(`expected success, got ${JSON.stringify(result.left)}`);
  return result.right;
};

const owner = (
  id: string,
  entitledUnits: number,
  receivedStandardUnits: number,
  paid: number,
  shares = 1,
): ShortfallInput => ({
  ownershipId: ownershipId(id),
  shares,
  entitledUnits,
  receivedStandardUnits,
  paidForSharesYen: paid as Yen,
});

const amountsOf = (lines: readonly OwnershipSettlement[]) =>
  lines.map((l) => l.compensation.amountYen);

describe("settleShortfall: examples", () => {
  it("refunds in proportion to the missing units", () => {
    const lines = ok(
      settleShortfall("refund", [
        owner("a", 10, 7, 1000),
        owner("b", 10, 7, 1000),
        owner("c", 10, 6, 1000),
      ]),
    );
    expect(
      lines.map((l) => [l.missingUnits, l.compensation.kind, l.compensation.amountYen]),
    ).toEqual([
      [3, "refund", 300],
      [3, "refund", 300],
      [4, "refund", 400],
    ]);
  });

  it("gives the leftover yen to the largest remainders, ties to the earlier ownership", () => {
    // Exact 333.33 each: total floor(1000) = 1000, so one owner gets 334, the first.
    expect(
      amountsOf(
        ok(
          settleShortfall("refund", [
            owner("a", 3, 2, 1000),
            owner("b", 3, 2, 1000),
            owner("c", 3, 2, 1000),
          ]),
        ),
      ),
    ).toEqual([334, 333, 333]);
    // Exact 0.5, 0.6, 0.9: total floor(2.0) = 2 goes to c (0.9) then b (0.6).
    expect(
      amountsOf(
        ok(
          settleShortfall("refund", [
            owner("a", 2, 1, 1),
            owner("b", 10, 4, 1),
            owner("c", 10, 1, 1),
          ]),
        ),
      ),
    ).toEqual([0, 1, 1]);
  });

  it("pays the same amounts as store credit under credit terms", () => {
    const input = [owner("a", 3, 2, 1000), owner("b", 3, 1, 1000)];
    const refund = ok(settleShortfall("refund", input));
    const credit = ok(settleShortfall("credit", input));
    expect(amountsOf(credit)).toEqual(amountsOf(refund));
    expect(credit.map((l) => l.compensation.kind)).toEqual(["credit", "credit"]);
    expect(credit[0]?.reason).toMatch(/store credit/);
  });

  it("gives nothing under shared terms and says why", () => {
    const lines = ok(settleShortfall("shared", [owner("a", 10, 5, 1000)]));
    expect(lines).toEqual([
      {
        ownershipId: "a",
        missingUnits: 5,
        compensation: { kind: "none", amountYen: 0 },
        reason: expect.stringMatching(/share the harvest risk/),
      },
    ]);
  });

  it("gives nothing when nothing is missing, surplus included", () => {
    const lines = ok(
      settleShortfall("refund", [owner("a", 10, 10, 1000), owner("b", 10, 12, 1000)]),
    );
    expect(lines.map((l) => [l.missingUnits, l.compensation])).toEqual([
      [0, { kind: "none", amountYen: 0 }],
      [0, { kind: "none", amountYen: 0 }],
    ]);
    expect(ok(settleShortfall("refund", []))).toEqual([]);
  });

  it("refunds everything paid when nothing arrived, and stays exact beyond 2^53", () => {
    const big = 900_000_000_000_000;
    const lines = ok(
      settleShortfall("refund", [owner("a", 7, 0, big), owner("b", 999_983, 3, big)]),
    );
    const exactB = (BigInt(big) * 999_980n) / 999_983n;
    expect(amountsOf(lines)[0]).toBe(big);
    expect(BigInt(amountsOf(lines)[1] ?? 0)).toBeGreaterThanOrEqual(exactB);
    expect(BigInt(amountsOf(lines)[1] ?? 0)).toBeLessThanOrEqual(exactB + 1n);
  });
});

describe("settleShortfall: errors", () => {
  it("QUANTITY.INVALID for bad shares or units", () => {
    for (const bad of [
      { ...owner("a", 10, 5, 100), shares: 0 },
      owner("a", 0, 0, 100),
      owner("a", 10, -1, 100),
      owner("a", 10.5, 1, 100),
    ]) {
      expect(tagOf(settleShortfall("refund", [bad]))).toBe("QUANTITY.INVALID");
    }
  });

  it("MONEY.NEGATIVE and MONEY.NOT_SAFE_INTEGER for bad amounts paid", () => {
    expect(tagOf(settleShortfall("refund", [owner("a", 10, 5, -1)]))).toBe("MONEY.NEGATIVE");
    expect(tagOf(settleShortfall("refund", [owner("a", 10, 5, 0.5)]))).toBe(
      "MONEY.NOT_SAFE_INTEGER",
    );
  });

  it("VALIDATION.INVALID for a repeated ownership or unknown risk terms", () => {
    const result = settleShortfall("refund", [owner("a", 10, 5, 1), owner("a", 10, 5, 1)]);
    expect(tagOf(result)).toBe("VALIDATION.INVALID");
    expect(E.isLeft(result) && result.left.details).toMatchObject({ ownershipId: "a" });
    expect(tagOf(settleShortfall("insurance" as RiskTerms, [owner("a", 10, 5, 1)]))).toBe(
      "VALIDATION.INVALID",
    );
  });
});

// ---------------------------------------------------------------- properties

const ownersArb = (maxPaidPerShare: number, maxUnitsPerShare: number) =>
  fc
    .array(
      fc
        .record({
          shares: fc.integer({ min: 1, max: 10 }),
          unitsPerShare: fc.integer({ min: 1, max: maxUnitsPerShare }),
          pricePerShare: fc.integer({ min: 0, max: maxPaidPerShare }),
          // Spread over 0..entitled + 2, so shortfalls, exact deliveries and surpluses all occur.
          receivedPick: fc.nat(),
          // Tiers make the amount paid not always a multiple of the shares.
          discount: fc.oneof(fc.constant(0), fc.nat()),
        })
        .map((o) => {
          const entitled = o.shares * o.unitsPerShare;
          return {
            shares: o.shares,
            entitledUnits: entitled,
            receivedStandardUnits: o.receivedPick % (entitled + 3),
            paidForSharesYen: yen(
              o.pricePerShare * o.shares - (o.discount % (o.pricePerShare + 1)),
            ),
          };
        }),
      { maxLength: 20 },
    )
    .map((owners): ShortfallInput[] =>
      owners.map((o, i) => ({ ...o, ownershipId: ownershipId(`o${i}`) })),
    );

/** exact_i as a BigInt fraction; the total floor(sum) over the lcm of the entitlements. */
const exactOf = (o: ShortfallInput) => ({
  num: BigInt(o.paidForSharesYen) * BigInt(Math.max(0, o.entitledUnits - o.receivedStandardUnits)),
  den: BigInt(o.entitledUnits),
});
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
const referenceTotal = (owners: readonly ShortfallInput[]): bigint => {
  const lcm = owners.reduce(
    (l, o) => (l * BigInt(o.entitledUnits)) / gcd(l, BigInt(o.entitledUnits)),
    1n,
  );
  const sum = owners.reduce((s, o) => {
    const { num, den } = exactOf(o);
    return s + num * (lcm / den);
  }, 0n);
  return sum / lcm;
};

const checkConservation = (owners: readonly ShortfallInput[]) => {
  const lines = ok(settleShortfall("refund", owners));
  const amounts = amountsOf(lines);
  expect(amounts.reduce((s, a) => s + BigInt(a), 0n)).toBe(referenceTotal(owners));
  owners.forEach((o, i) => {
    const amount = BigInt(amounts[i] ?? -1);
    const { num, den } = exactOf(o);
    const floor = num / den;
    const ceil = num % den === 0n ? floor : floor + 1n;
    expect(amount >= floor && amount <= ceil).toBe(true);
    expect(amount).toBeLessThanOrEqual(BigInt(o.paidForSharesYen));
    if (o.receivedStandardUnits >= o.entitledUnits) {
      expect(amount).toBe(0n);
      expect(lines[i]?.compensation.kind).toBe("none");
    } else expect(lines[i]?.compensation.kind).toBe("refund");
  });
};

describe("settleShortfall: properties", () => {
  it("conserves the total to the yen; each refund is floor or ceil of exact, never above paid", () => {
    fc.assert(fc.property(ownersArb(20_000, 8), checkConservation), { numRuns: 2000 });
  });

  it("stays exact with amounts whose products leave safe integers", () => {
    fc.assert(fc.property(ownersArb(900_000_000_000, 1000), checkConservation), { numRuns: 1000 });
  });

  it("credit gives the same amounts as refund; shared gives nothing to anyone", () => {
    fc.assert(
      fc.property(ownersArb(20_000, 8), (owners) => {
        const refund = ok(settleShortfall("refund", owners));
        const credit = ok(settleShortfall("credit", owners));
        const shared = ok(settleShortfall("shared", owners));
        expect(amountsOf(credit)).toEqual(amountsOf(refund));
        expect(amountsOf(shared).every((a) => a === 0)).toBe(true);
        expect(shared.map((l) => l.missingUnits)).toEqual(refund.map((l) => l.missingUnits));
        expect(shared.every((l) => l.compensation.kind === "none")).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("a larger exact amount never gets less; equal exact amounts differ by at most the order tie-break", () => {
    fc.assert(
      fc.property(ownersArb(20_000, 8), (owners) => {
        const amounts = amountsOf(ok(settleShortfall("refund", owners)));
        owners.forEach((a, i) => {
          owners.forEach((b, j) => {
            const ea = exactOf(a);
            const eb = exactOf(b);
            const cmp = ea.num * eb.den - eb.num * ea.den;
            const ra = amounts[i] ?? 0;
            const rb = amounts[j] ?? 0;
            if (cmp > 0n) expect(ra).toBeGreaterThanOrEqual(rb);
            if (cmp === 0n && i < j) expect(ra - rb === 0 || ra - rb === 1).toBe(true);
          });
        });
      }),
      { numRuns: 1000 },
    );
  });

  it("identical ownerships get amounts at most 1 yen apart, the extra yen to the earliest", () => {
    fc.assert(
      fc.property(
        ownersArb(20_000, 8).filter((owners) => owners.length > 0),
        fc.integer({ min: 2, max: 12 }),
        (owners, copies) => {
          const first = owners[0] as ShortfallInput;
          const same = Array.from({ length: copies }, (_, i) => ({
            ...first,
            ownershipId: ownershipId(`c${i}`),
          }));
          const amounts = amountsOf(ok(settleShortfall("refund", same)));
          amounts.forEach((a, i) => {
            expect(a).toBeLessThanOrEqual(amounts[0] ?? 0);
            expect(a).toBeGreaterThanOrEqual(amounts[i + 1] ?? 0);
            expect((amounts[0] ?? 0) - a).toBeLessThanOrEqual(1);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("share monotonicity: same price and units per share, harvest short by one ratio -> more shares never get less", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 100 }),
        (shares, price, unitsPerShare, harvestPercent) => {
          const owners = shares.map((s, i) => {
            const entitled = s * unitsPerShare;
            return owner(
              `o${i}`,
              entitled,
              Math.floor((entitled * harvestPercent) / 100),
              s * price,
              s,
            );
          });
          const amounts = amountsOf(ok(settleShortfall("refund", owners)));
          shares.forEach((sa, i) => {
            shares.forEach((sb, j) => {
              const ea = exactOf(owners[i] as ShortfallInput);
              const eb = exactOf(owners[j] as ShortfallInput);
              // More shares means at least as much missing here; only an exact tie can be
              // broken against it, by reservation order, by one yen.
              const tie = ea.num * eb.den === eb.num * ea.den;
              if (sa > sb)
                expect(amounts[i] ?? 0).toBeGreaterThanOrEqual((amounts[j] ?? 0) - (tie ? 1 : 0));
            });
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("proportionalCompensation is zero for everyone without a shortfall", () => {
    fc.assert(
      fc.property(ownersArb(20_000, 8), (owners) => {
        const full = owners.map((o) => ({ ...o, receivedStandardUnits: o.entitledUnits }));
        expect(proportionalCompensation(full).every((a) => a === 0)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("compensationDue: settled once, never more than owed", () => {
  const yenOf = fc.oneof(
    fc.integer({ min: 0, max: 20 }),
    fc.integer({ min: 0, max: 1_000_000_000_000 }),
  );
  it("tops up to what is owed, splits a refund beyond the cash left into credit, and is idempotent", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("refund", "credit", "none") as fc.Arbitrary<"refund" | "credit" | "none">,
        yenOf,
        yenOf,
        yenOf,
        yenOf,
        (kind, owed, refunded, credited, cashLeft) => {
          const line = { compensation: { kind, amountYen: owed as Yen } };
          const so = { refundYen: refunded as Yen, creditYen: credited as Yen };
          const due = compensationDue(line, so, cashLeft as Yen);
          expect(due.refundYen).toBeGreaterThanOrEqual(0);
          expect(due.creditYen).toBeGreaterThanOrEqual(0);
          const already = refunded + credited;
          const total = due.refundYen + due.creditYen;
          if (kind === "none") expect(total).toBe(0);
          else expect(total).toBe(Math.max(0, owed - already));
          // Never paid beyond what is owed (unless the ledger already was: then nothing more).
          expect(already + total).toBeLessThanOrEqual(Math.max(owed, already));
          expect(due.refundYen).toBeLessThanOrEqual(Math.max(0, cashLeft));
          if (kind === "credit") expect(due.refundYen).toBe(0);
          // Once written, nothing more is due.
          const after = {
            refundYen: (refunded + due.refundYen) as Yen,
            creditYen: (credited + due.creditYen) as Yen,
          };
          expect(compensationDue(line, after, cashLeft as Yen)).toEqual({
            refundYen: 0,
            creditYen: 0,
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("owes, for the final allocation of any lot sequence, exactly the settlement of that allocation", () => {
    // The settlement is a function of the final received units only: whatever the lots before,
    // settling from zero pays the owed amounts, which add up to the floor of the exact total.
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            shares: fc.integer({ min: 1, max: 5 }),
            received: fc.nat({ max: 60 }),
            price: fc.integer({ min: 0, max: 1_000_000_000 }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        fc.integer({ min: 1, max: 12 }),
        (rows, unitsPerShare) => {
          const inputs = rows.map((r, i) =>
            owner(
              `own_${i}`,
              r.shares * unitsPerShare,
              Math.min(r.received, r.shares * unitsPerShare),
              r.price * r.shares,
              r.shares,
            ),
          );
          const lines = ok(settleShortfall("refund", inputs));
          const paid = lines.map((l, i) =>
            compensationDue(
              l,
              { refundYen: 0 as Yen, creditYen: 0 as Yen },
              inputs[i]?.paidForSharesYen as Yen,
            ),
          );
          expect(paid.map((p) => p.refundYen)).toEqual(amountsOf(lines));
          expect(paid.every((p) => p.creditYen === 0)).toBe(true);
          for (const [i, p] of paid.entries())
            expect(p.refundYen).toBeLessThanOrEqual(inputs[i]?.paidForSharesYen ?? 0);
        },
      ),
      { numRuns: 500 },
    );
  });
});
