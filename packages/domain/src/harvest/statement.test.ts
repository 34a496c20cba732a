import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { type Yen, yen } from "../money/money.ts";
import type { RiskTerms } from "../plans/plan.ts";
import { ownershipId } from "../shared/ids.ts";
import { settleShortfall } from "./settlement.ts";
import { groupDigits, ownerStatement, type StatementInput } from "./statement.ts";

const tagOf = (result: E.Either<{ _tag: string }, unknown>) =>
  E.isLeft(result) ? result.left._tag : "right";

const ok = <T>(result: E.Either<unknown, T>): T => {
  if (E.isLeft(result)) throw new Error(`expected success, got ${JSON.stringify(result.left)}`);
  return result.right;
};

const OWNER = ownershipId("own-1");

/** A 2-share owner of a plan whose harvest came in at 720 of 1,000 kg. */
const inputFor = (
  riskTerms: RiskTerms,
  over: { received?: number; offspec?: number; sharesYen?: number } = {},
): StatementInput => {
  const received = over.received ?? 14;
  const sharesYen = over.sharesYen ?? 4800;
  const ownership = {
    ownershipId: OWNER,
    shares: 2,
    entitledUnits: 20,
    receivedStandardUnits: received,
    receivedOffspecUnits: over.offspec ?? 3,
    paid: { sharesYen: yen(sharesYen), shippingYen: yen(800), totalYen: yen(sharesYen + 800) },
  };
  const [settlement] = ok(
    settleShortfall(riskTerms, [{ ...ownership, paidForSharesYen: yen(sharesYen) }]),
  );
  if (settlement === undefined) throw new Error("no settlement line");
  return {
    unitLabel: "kg",
    riskTerms,
    plan: { entitledUnits: 1000, receivedStandardUnits: 720 },
    ownership,
    settlement,
  };
};

describe("ownerStatement: examples", () => {
  it("explains a refund: harvest, entitlement, what arrived, what is missing, money", () => {
    const statement = ok(ownerStatement(inputFor("refund")));
    expect(statement).toMatchObject({
      ownershipId: OWNER,
      entitledUnits: 20,
      receivedStandardUnits: 14,
      receivedOffspecUnits: 3,
      receivedUnits: 17,
      missingUnits: 6,
      harvestPercent: 72,
      compensation: { kind: "refund", amountYen: 1440 },
      paid: { sharesYen: 4800, shippingYen: 800, totalYen: 5600 },
    });
    expect(statement.lines).toEqual([
      "Harvest was 72% of plan; refund of 1,440 yen for 6 missing kg per the producer's refund terms.",
      "You own 2 shares, entitled to 20 kg; you received 14 kg plus 3 kg off-spec bonus (17 kg in all).",
      "Missing: 6 kg of standard grade; off-spec units are a bonus and do not reduce it.",
      "You paid 5,600 yen: 4,800 yen for the shares and 800 yen for shipping.",
      "Compensation is on the share price only; shipping is not refunded for missing units.",
    ]);
  });

  it("explains store credit and shared risk", () => {
    expect(ok(ownerStatement(inputFor("credit"))).lines[0]).toBe(
      "Harvest was 72% of plan; store credit of 1,440 yen for 6 missing kg per the producer's credit terms.",
    );
    const shared = ok(ownerStatement(inputFor("shared", { offspec: 0 })));
    expect(shared.compensation).toEqual({ kind: "none", amountYen: 0 });
    expect(shared.lines).toEqual([
      "Harvest was 72% of plan; no compensation for 6 missing kg: the producer's terms share the harvest risk among owners, as stated before purchase.",
      "You own 2 shares, entitled to 20 kg; you received 14 kg.",
      "Missing: 6 kg of standard grade.",
      "You paid 5,600 yen: 4,800 yen for the shares and 800 yen for shipping.",
    ]);
  });

  it("says there is nothing to compensate when the owner got the full entitlement", () => {
    const statement = ok(ownerStatement(inputFor("refund", { received: 20 })));
    expect(statement.missingUnits).toBe(0);
    expect(statement.lines[0]).toBe(
      "Harvest was 72% of plan; you received your full entitlement, so there is nothing to compensate.",
    );
    expect(statement.lines.some((l) => l.startsWith("Missing"))).toBe(false);
  });

  it("says the harvest met the plan when it did", () => {
    const input = inputFor("refund", { received: 20 });
    const statement = ok(
      ownerStatement({ ...input, plan: { entitledUnits: 1000, receivedStandardUnits: 1000 } }),
    );
    expect(statement.lines[0]).toMatch(/^Harvest met the plan \(100%\);/);
  });

  it("groups digits without depending on locale data", () => {
    expect(groupDigits(0)).toBe("0");
    expect(groupDigits(999)).toBe("999");
    expect(groupDigits(1000)).toBe("1,000");
    expect(groupDigits(1234567)).toBe("1,234,567");
  });
});

describe("ownerStatement: errors", () => {
  it("QUANTITY.INVALID for bad unit counts", () => {
    const input = inputFor("refund");
    const bad = { ...input, ownership: { ...input.ownership, receivedOffspecUnits: -1 } };
    const result = ownerStatement(bad);
    expect(tagOf(result)).toBe("QUANTITY.INVALID");
    expect(E.isLeft(result) && result.left.details).toMatchObject({
      field: "ownership.receivedOffspecUnits",
    });
    expect(
      tagOf(ownerStatement({ ...input, plan: { entitledUnits: 0, receivedStandardUnits: 0 } })),
    ).toBe("QUANTITY.INVALID");
  });

  it("MONEY.NEGATIVE and MONEY.NOT_SAFE_INTEGER for bad amounts paid", () => {
    const input = inputFor("refund");
    const paid = (over: Partial<StatementInput["ownership"]["paid"]>) => ({
      ...input,
      ownership: { ...input.ownership, paid: { ...input.ownership.paid, ...over } },
    });
    expect(tagOf(ownerStatement(paid({ shippingYen: -1 as Yen })))).toBe("MONEY.NEGATIVE");
    expect(tagOf(ownerStatement(paid({ totalYen: 0.5 as Yen })))).toBe("MONEY.NOT_SAFE_INTEGER");
  });

  it("VALIDATION.INVALID when the settlement line belongs to another ownership or other numbers", () => {
    const input = inputFor("refund");
    expect(
      tagOf(
        ownerStatement({
          ...input,
          settlement: { ...input.settlement, ownershipId: ownershipId("x") },
        }),
      ),
    ).toBe("VALIDATION.INVALID");
    expect(
      tagOf(ownerStatement({ ...input, settlement: { ...input.settlement, missingUnits: 5 } })),
    ).toBe("VALIDATION.INVALID");
  });
});

describe("ownerStatement: properties", () => {
  it("reports the settlement's numbers and names the compensation in the headline", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<RiskTerms>("refund", "credit", "shared"),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 100_000 }),
        (terms, received, offspec, sharesYen) => {
          const input = inputFor(terms, { received, offspec, sharesYen });
          const statement = ok(ownerStatement(input));
          expect(statement.missingUnits).toBe(Math.max(0, 20 - received));
          expect(statement.receivedUnits).toBe(received + offspec);
          expect(statement.compensation).toEqual(input.settlement.compensation);
          const headline = statement.lines[0] ?? "";
          if (statement.missingUnits === 0) expect(headline).toMatch(/nothing to compensate/);
          else if (terms === "shared") expect(headline).toMatch(/^.*no compensation for/);
          else expect(headline).toContain(`${groupDigits(statement.compensation.amountYen)} yen`);
        },
      ),
      { numRuns: 300 },
    );
  });
});
