import type { Language } from "../people/owner-settings.ts";
import type { RiskTerms } from "../plans/plan.ts";
import type { Quote } from "../reservations/ownership.ts";
import type { Compensation } from "./settlement.ts";

/**
 * Everything an owner's statement says, as numbers and flags: stored with the allocation so the
 * statement can be read in the reader's language, not only the language it was written in.
 */
export interface StatementFacts {
  readonly unitLabel: string;
  readonly riskTerms: RiskTerms;
  readonly shares: number;
  readonly entitledUnits: number;
  readonly receivedStandardUnits: number;
  readonly receivedOffspecUnits: number;
  readonly missingUnits: number;
  /** Standard units harvested for the plan as a percentage of its entitlement, rounded down. */
  readonly harvestPercent: number;
  /** The plan's harvest reached its entitlement (100% can be rounded down from just below). */
  readonly harvestMet: boolean;
  readonly compensation: Compensation;
  readonly paid: Pick<Quote, "sharesYen" | "shippingYen" | "temperatureSurcharge" | "totalYen">;
  /** The harvest is not final yet: the shortfall is settled later. */
  readonly settlementPending: boolean;
}

/** 1234567 -> "1,234,567": fixed format, independent of the runtime's locale data. */
export const groupDigits = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

const english = (f: StatementFacts): string[] => {
  const unit = f.unitLabel;
  const cool = f.paid.temperatureSurcharge;
  const yen = (amount: number) => `${groupDigits(amount)} yen`;
  const missing = `${groupDigits(f.missingUnits)} missing ${unit}`;
  const compensation = (): string => {
    if (f.missingUnits === 0)
      return "you received your full entitlement, so there is nothing to compensate";
    switch (f.compensation.kind) {
      case "refund":
        return `refund of ${yen(f.compensation.amountYen)} for ${missing} per the producer's refund terms`;
      case "credit":
        return `store credit of ${yen(f.compensation.amountYen)} for ${missing} per the producer's credit terms`;
      case "none":
        return f.riskTerms === "shared"
          ? `no compensation for ${missing}: the producer's terms share the harvest risk among owners, as stated before purchase`
          : `no compensation for ${missing}`;
    }
  };
  const received = f.receivedStandardUnits + f.receivedOffspecUnits;
  const harvest = f.harvestMet
    ? `Harvest met the plan (${f.harvestPercent}%)`
    : `Harvest was ${f.harvestPercent}% of plan`;
  const lines = [
    f.settlementPending
      ? `Harvest so far is ${f.harvestPercent}% of plan; any shortfall is settled once the harvest is complete.`
      : `${harvest}; ${compensation()}.`,
    `You own ${groupDigits(f.shares)} share${f.shares === 1 ? "" : "s"}, entitled to ` +
      `${groupDigits(f.entitledUnits)} ${unit}; you received ${groupDigits(f.receivedStandardUnits)} ${unit}` +
      (f.receivedOffspecUnits > 0
        ? ` plus ${groupDigits(f.receivedOffspecUnits)} ${unit} off-spec bonus (${groupDigits(received)} ${unit} in all).`
        : "."),
  ];
  if (f.missingUnits > 0)
    lines.push(
      `${f.settlementPending ? "Missing so far" : "Missing"}: ${groupDigits(f.missingUnits)} ${unit} of standard grade` +
        (f.receivedOffspecUnits > 0 ? "; off-spec units are a bonus and do not reduce it." : "."),
    );
  lines.push(
    `You paid ${yen(f.paid.totalYen)}: ${yen(f.paid.sharesYen)} for the shares and ` +
      `${yen(f.paid.shippingYen)} for shipping` +
      (cool === undefined ? "." : `, plus ${yen(cool.yen)} for ${cool.temperature} delivery.`),
  );
  if (f.compensation.kind !== "none")
    lines.push(
      "Compensation is on the share price only; shipping is not refunded for missing units.",
    );
  return lines;
};

const japanese = (f: StatementFacts): string[] => {
  const unit = f.unitLabel;
  const cool = f.paid.temperatureSurcharge;
  const yen = (amount: number) => `${groupDigits(amount)}円`;
  const missing = `不足した${groupDigits(f.missingUnits)}${unit}`;
  const compensation = (): string => {
    if (f.missingUnits === 0) return "予定どおりの量をお受け取りのため、補償の対象はありません";
    switch (f.compensation.kind) {
      case "refund":
        return `${missing}について、生産者の返金規定により${yen(f.compensation.amountYen)}を返金します`;
      case "credit":
        return `${missing}について、生産者のクレジット規定により${yen(f.compensation.amountYen)}分のストアクレジットを付与します`;
      case "none":
        return f.riskTerms === "shared"
          ? `${missing}の補償はありません。購入前にご案内したとおり、この生産者の規定では収穫のリスクをオーナー全員で分かち合います`
          : `${missing}の補償はありません`;
    }
  };
  const received = f.receivedStandardUnits + f.receivedOffspecUnits;
  const harvest = f.harvestMet
    ? `収穫は計画どおりでした(${f.harvestPercent}%)`
    : `収穫は計画の${f.harvestPercent}%でした`;
  const lines = [
    f.settlementPending
      ? `これまでの収穫は計画の${f.harvestPercent}%です。不足分は収穫の完了後に精算します。`
      : `${harvest}。${compensation()}。`,
    `${groupDigits(f.shares)}口のオーナーとして${groupDigits(f.entitledUnits)}${unit}を受け取る権利があり、` +
      `標準品${groupDigits(f.receivedStandardUnits)}${unit}` +
      (f.receivedOffspecUnits > 0
        ? `と規格外品のおまけ${groupDigits(f.receivedOffspecUnits)}${unit}(合計${groupDigits(received)}${unit})をお受け取りです。`
        : "をお受け取りです。"),
  ];
  if (f.missingUnits > 0)
    lines.push(
      `${f.settlementPending ? "これまでの不足" : "不足"}:標準品${groupDigits(f.missingUnits)}${unit}` +
        (f.receivedOffspecUnits > 0
          ? "(規格外品はおまけのため、不足分から差し引きません)。"
          : "。"),
    );
  lines.push(
    `お支払いは${yen(f.paid.totalYen)}(口数分${yen(f.paid.sharesYen)}、送料${yen(f.paid.shippingYen)}` +
      (cool === undefined ? "" : `、クール便料金${yen(cool.yen)}`) +
      ")です。",
  );
  if (f.compensation.kind !== "none")
    lines.push("補償は口数の代金に対してのみで、不足分の送料は返金されません。");
  return lines;
};

/** An owner's statement in one language: one sentence a line, headline first. */
export const statementLines = (facts: StatementFacts, language: Language): string[] =>
  language === "ja" ? japanese(facts) : english(facts);
