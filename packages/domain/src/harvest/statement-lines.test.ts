import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Yen, yen } from "../money/money.ts";
import { type StatementFacts, statementLines } from "./statement-lines.ts";

/** A 2-share owner of a plan that harvested 72%: 14 of 20 kg standard, 3 kg off-spec. */
const facts = (over: Partial<StatementFacts> = {}): StatementFacts => ({
  unitLabel: "kg",
  riskTerms: "refund",
  shares: 2,
  entitledUnits: 20,
  receivedStandardUnits: 14,
  receivedOffspecUnits: 3,
  missingUnits: 6,
  harvestPercent: 72,
  harvestMet: false,
  compensation: { kind: "refund", amountYen: yen(1440) },
  paid: { sharesYen: yen(4800), shippingYen: yen(800), totalYen: yen(5600) },
  settlementPending: false,
  ...over,
});

describe("statementLines in Japanese", () => {
  it("explains a refund: harvest, entitlement, what arrived, what is missing, money", () => {
    expect(statementLines(facts(), "ja")).toEqual([
      "収穫は計画の72%でした。不足した6kgについて、生産者の返金規定により1,440円を返金します。",
      "2口のオーナーとして20kgを受け取る権利があり、標準品14kgと規格外品のおまけ3kg(合計17kg)をお受け取りです。",
      "不足:標準品6kg(規格外品はおまけのため、不足分から差し引きません)。",
      "お支払いは5,600円(口数分4,800円、送料800円)です。",
      "補償は口数の代金に対してのみで、不足分の送料は返金されません。",
    ]);
  });

  it("names store credit, shared risk, a full entitlement and a pending settlement", () => {
    const credit = facts({ compensation: { kind: "credit", amountYen: yen(1440) } });
    expect(statementLines(credit, "ja")[0]).toContain("1,440円分のストアクレジット");
    const shared = facts({
      riskTerms: "shared",
      compensation: { kind: "none", amountYen: yen(0) },
    });
    expect(statementLines(shared, "ja")[0]).toContain("オーナー全員で分かち合います");
    const full = facts({
      receivedStandardUnits: 20,
      missingUnits: 0,
      harvestPercent: 100,
      harvestMet: true,
      compensation: { kind: "none", amountYen: yen(0) },
    });
    expect(statementLines(full, "ja")[0]).toBe(
      "収穫は計画どおりでした(100%)。予定どおりの量をお受け取りのため、補償の対象はありません。",
    );
    const pending = facts({
      settlementPending: true,
      compensation: { kind: "none", amountYen: yen(0) },
    });
    expect(statementLines(pending, "ja")).toContain(
      "これまでの不足:標準品6kg(規格外品はおまけのため、不足分から差し引きません)。",
    );
  });
});

describe("statementLines: both languages", () => {
  const amount = fc.integer({ min: 0, max: 2_000_000 }).map((n) => n as Yen);
  const anyFacts = fc
    .record({
      shares: fc.integer({ min: 1, max: 50 }),
      perShare: fc.integer({ min: 1, max: 40 }),
      standardShare: fc.double({ min: 0, max: 1.2, noNaN: true }),
      offspec: fc.integer({ min: 0, max: 30 }),
      kind: fc.constantFrom("refund", "credit", "none") as fc.Arbitrary<
        "refund" | "credit" | "none"
      >,
      riskTerms: fc.constantFrom("refund", "credit", "shared") as fc.Arbitrary<
        "refund" | "credit" | "shared"
      >,
      amountYen: amount,
      sharesYen: amount,
      shippingYen: amount,
      pending: fc.boolean(),
      harvestPercent: fc.integer({ min: 0, max: 150 }),
    })
    .map((r): StatementFacts => {
      const entitled = r.shares * r.perShare;
      const standard = Math.floor(entitled * r.standardShare);
      const missing = Math.max(0, entitled - standard);
      return facts({
        riskTerms: r.riskTerms,
        shares: r.shares,
        entitledUnits: entitled,
        receivedStandardUnits: standard,
        receivedOffspecUnits: r.offspec,
        missingUnits: missing,
        harvestPercent: r.harvestPercent,
        harvestMet: r.harvestPercent >= 100,
        compensation:
          missing === 0 || r.pending
            ? { kind: "none", amountYen: yen(0) }
            : { kind: r.kind, amountYen: r.amountYen },
        paid: {
          sharesYen: r.sharesYen,
          shippingYen: r.shippingYen,
          totalYen: (r.sharesYen + r.shippingYen) as Yen,
        },
        settlementPending: r.pending,
      });
    });

  const numbersIn = (lines: readonly string[]) => (lines.join(" ").match(/\d[\d,]*/g) ?? []).sort();

  it("say the same numbers in as many lines, the Japanese in Japanese", () => {
    fc.assert(
      fc.property(anyFacts, (f) => {
        const en = statementLines(f, "en");
        const ja = statementLines(f, "ja");
        expect(ja).toHaveLength(en.length);
        expect(numbersIn(ja)).toEqual(numbersIn(en));
        for (const line of ja) expect(line).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      }),
    );
  });
});
