import * as E from "fp-ts/lib/Either.js";
import type { Yen } from "../money/money.ts";
import type { RiskTerms } from "../plans/plan.ts";
import type { Quote } from "../reservations/ownership.ts";
import { type DomainError, fail } from "../shared/errors.ts";
import type { OwnershipId } from "../shared/ids.ts";
import { type Compensation, missingUnitsOf, type OwnershipSettlement } from "./settlement.ts";
import { type StatementFacts, statementLines } from "./statement-lines.ts";

export interface StatementInput {
  /** The plan's unit (kg, pack, piece), used as is in the sentences. */
  readonly unitLabel: string;
  readonly riskTerms: RiskTerms;
  /** The plan as a whole: units all owners were entitled to, and standard units harvested for them. */
  readonly plan: { readonly entitledUnits: number; readonly receivedStandardUnits: number };
  readonly ownership: {
    readonly ownershipId: OwnershipId;
    readonly shares: number;
    readonly entitledUnits: number;
    readonly receivedStandardUnits: number;
    readonly receivedOffspecUnits: number;
    readonly paid: Pick<Quote, "sharesYen" | "shippingYen" | "temperatureSurcharge" | "totalYen">;
  };
  /** This ownership's line of settleShortfall. */
  readonly settlement: OwnershipSettlement;
  /**
   * The harvest is not final yet: the figures are the lots so far, and the shortfall is settled
   * only when the harvest is complete (the settlement line then carries no compensation).
   */
  readonly settlementPending?: boolean;
}

export interface OwnerStatement {
  readonly ownershipId: OwnershipId;
  readonly shares: number;
  readonly unitLabel: string;
  readonly entitledUnits: number;
  readonly receivedStandardUnits: number;
  readonly receivedOffspecUnits: number;
  /** Standard plus off-spec. */
  readonly receivedUnits: number;
  readonly missingUnits: number;
  /** Standard units harvested for the plan as a percentage of its entitlement, rounded down. */
  readonly harvestPercent: number;
  readonly compensation: Compensation;
  readonly paid: Pick<Quote, "sharesYen" | "shippingYen" | "temperatureSurcharge" | "totalYen">;
  /** What the sentences say, for saying it again in another language (statementLines). */
  readonly facts: StatementFacts;
  /** The explanation in English, one sentence a line, headline first. */
  readonly lines: readonly string[];
}

export type StatementError = DomainError<
  "QUANTITY.INVALID" | "MONEY.NOT_SAFE_INTEGER" | "MONEY.NEGATIVE" | "VALIDATION.INVALID"
>;

/** 1234567 -> "1,234,567": fixed format, independent of the runtime's locale data. */
export { groupDigits, type StatementFacts } from "./statement-lines.ts";

const checkInput = (input: StatementInput): E.Either<StatementError, void> => {
  const { ownership: o, plan, settlement } = input;
  const quantities: [string, number, number][] = [
    ["ownership.shares", o.shares, 1],
    ["ownership.entitledUnits", o.entitledUnits, 1],
    ["ownership.receivedStandardUnits", o.receivedStandardUnits, 0],
    ["ownership.receivedOffspecUnits", o.receivedOffspecUnits, 0],
    ["plan.entitledUnits", plan.entitledUnits, 1],
    ["plan.receivedStandardUnits", plan.receivedStandardUnits, 0],
  ];
  for (const [field, value, min] of quantities)
    if (!Number.isSafeInteger(value) || value < min)
      return fail("QUANTITY.INVALID", `${field} must be a whole number of at least ${min}`, {
        field,
        value,
      });
  for (const field of ["sharesYen", "shippingYen", "totalYen"] as const) {
    const value = o.paid[field];
    if (!Number.isSafeInteger(value))
      return fail("MONEY.NOT_SAFE_INTEGER", `paid.${field} must be a safe integer of yen`, {
        field: `paid.${field}`,
        value,
      });
    if (value < 0)
      return fail("MONEY.NEGATIVE", `paid.${field} must not be negative`, {
        field: `paid.${field}`,
        value,
      });
  }
  if (settlement.ownershipId !== o.ownershipId || settlement.missingUnits !== missingUnitsOf(o))
    return fail("VALIDATION.INVALID", "the settlement line is not this ownership's", {
      ownershipId: o.ownershipId,
      settlementOwnershipId: settlement.ownershipId,
    });
  return E.right(undefined);
};

/**
 * An owner's statement for a settled harvest: what they were entitled to, what arrived
 * (standard and off-spec bonus), what is missing, what they paid and what they get back, with
 * the reasons in plain sentences.
 */
export const ownerStatement = (input: StatementInput): E.Either<StatementError, OwnerStatement> => {
  const checked = checkInput(input);
  if (E.isLeft(checked)) return checked;
  const { ownership: o, plan, settlement, unitLabel: unit } = input;
  const missingUnits = settlement.missingUnits;
  const harvestPercent = Math.floor((plan.receivedStandardUnits * 100) / plan.entitledUnits);
  const receivedUnits = o.receivedStandardUnits + o.receivedOffspecUnits;
  const { compensation } = settlement;

  const paid = {
    sharesYen: o.paid.sharesYen,
    shippingYen: o.paid.shippingYen,
    ...(o.paid.temperatureSurcharge === undefined
      ? {}
      : { temperatureSurcharge: o.paid.temperatureSurcharge }),
    totalYen: o.paid.totalYen,
  };
  const facts: StatementFacts = {
    unitLabel: unit,
    riskTerms: input.riskTerms,
    shares: o.shares,
    entitledUnits: o.entitledUnits,
    receivedStandardUnits: o.receivedStandardUnits,
    receivedOffspecUnits: o.receivedOffspecUnits,
    missingUnits,
    harvestPercent,
    harvestMet: plan.receivedStandardUnits >= plan.entitledUnits,
    compensation: { kind: compensation.kind, amountYen: compensation.amountYen as Yen },
    paid,
    settlementPending: input.settlementPending === true,
  };

  return E.right({
    ownershipId: o.ownershipId,
    shares: o.shares,
    unitLabel: unit,
    entitledUnits: o.entitledUnits,
    receivedStandardUnits: o.receivedStandardUnits,
    receivedOffspecUnits: o.receivedOffspecUnits,
    receivedUnits,
    missingUnits,
    harvestPercent,
    compensation: facts.compensation,
    paid,
    facts,
    lines: statementLines(facts, "en"),
  });
};
