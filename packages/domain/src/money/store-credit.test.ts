import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { platformFee } from "../pricing/fees.ts";
import { ledgerEntryId, ownershipId, planId } from "../shared/ids.ts";
import { instant } from "../shared/time.ts";
import { type Yen, yen } from "./money.ts";
import {
  amountToCharge,
  cashPart,
  creditMovementEntries,
  creditToApply,
  voidableCredit,
} from "./store-credit.ts";

const magnitude = fc.oneof(
  fc.integer({ min: 0, max: 10 }),
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
);
const bps = fc.oneof(
  fc.constantFrom(0, 1, 1000, 9999, 10_000),
  fc.integer({ min: 0, max: 10_000 }),
);

const ctx = {
  planId: planId("plan_1"),
  ownershipId: ownershipId("own_1"),
  at: instant("2026-06-10T00:00:00.000Z"),
  actor: "owner_1",
  entryId: () => ledgerEntryId("led_1"),
};

describe("store credit rules", () => {
  it("spends as much of the balance as the total needs, only if the owner wants", () => {
    fc.assert(
      fc.property(magnitude, magnitude, fc.boolean(), (balance, total, use) => {
        const credit = creditToApply(balance as Yen, total as Yen, use);
        expect(credit).toBe(use ? Math.min(balance, total) : 0);
        expect(credit).toBeGreaterThanOrEqual(0);
        expect(credit).toBeLessThanOrEqual(Math.min(balance, total));
        expect(
          amountToCharge({ quote: { totalYen: total as Yen }, creditAppliedYen: credit }),
        ).toBe(total - credit);
      }),
      { numRuns: 500 },
    );
  });

  it("charges the cash part, its fee and payout adding up to it exactly", () => {
    fc.assert(
      fc.property(magnitude, magnitude, bps, (total, rawCredit, feeBps) => {
        const credit = Math.min(rawCredit, total) as Yen;
        const cash = cashPart({ totalYen: total as Yen }, credit, feeBps);
        if (E.isLeft(cash)) throw new Error(cash.left.message);
        expect(cash.right.chargeYen).toBe(total - credit);
        expect(cash.right.feeYen + cash.right.payoutYen).toBe(cash.right.chargeYen);
        // Without credit it is the plain split of the total.
        if (credit === 0)
          expect(cash.right).toMatchObject(
            E.getOrElseW(() => ({}))(platformFee(total as Yen, feeBps)),
          );
      }),
      { numRuns: 500 },
    );
  });

  it("refuses credit beyond the total or negative", () => {
    expect(E.isLeft(cashPart({ totalYen: yen(100) }, yen(101), 1000))).toBe(true);
    expect(E.isLeft(cashPart({ totalYen: yen(100) }, -1 as Yen, 1000))).toBe(true);
  });

  it("signs movements by reason and writes nothing for 0", () => {
    const sign = (reason: "credit-spent" | "credit-released" | "credit-voided") =>
      E.map((entries: { amountYen: number }[]) => entries.map((e) => e.amountYen))(
        creditMovementEntries(ctx, yen(300), reason),
      );
    expect(sign("credit-spent")).toEqual(E.right([-300]));
    expect(sign("credit-released")).toEqual(E.right([300]));
    expect(sign("credit-voided")).toEqual(E.right([-300]));
    expect(creditMovementEntries(ctx, yen(0), "credit-spent")).toEqual(E.right([]));
    expect(E.isLeft(creditMovementEntries(ctx, -5 as Yen, "credit-spent"))).toBe(true);
  });

  it("voids at most what was issued and what is still unspent", () => {
    fc.assert(
      fc.property(magnitude, magnitude, (issued, balance) => {
        const voided = voidableCredit(issued as Yen, balance as Yen);
        expect(voided).toBe(Math.min(issued, balance));
        expect(balance - voided).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
