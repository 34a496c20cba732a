import * as E from "fp-ts/lib/Either.js";
import { type FeeError, platformFee } from "../pricing/fees.ts";
import type { Quote } from "../reservations/ownership.ts";
import { type DomainError, fail } from "../shared/errors.ts";
import type { LedgerContext, LedgerEntry, LedgerError } from "./ledger.ts";
import { nonNegativeYen, type Yen } from "./money.ts";

/**
 * Store credit is a balance per owner per producer: issued by a producer's shortfall, spent on
 * that producer's next reservation. These are its rules; the balance itself lives in a store that
 * changes it in the same atomic write as the ledger entries that explain the change.
 */

/** The credit a reservation spends: as much of the balance as the total needs, if the owner wants. */
export const creditToApply = (balanceYen: Yen, totalYen: Yen, useCredit: boolean): Yen =>
  (useCredit ? Math.max(0, Math.min(balanceYen, totalYen)) : 0) as Yen;

/** What the processor charges for a quote once credit has paid `creditAppliedYen` of it. */
export interface CashPart {
  /** The quote's total less the credit applied: the only money that moves. */
  readonly chargeYen: Yen;
  /** Platform fee on the cash part, rounded down as on any amount. */
  readonly feeYen: Yen;
  readonly payoutYen: Yen;
}

/**
 * The money part of a reservation. The credit was paid in cash on an earlier plan of the same
 * producer (who kept it, and the platform its fee), so the fee and payout here are computed on
 * the cash charged only: charged = payout + fee holds for every plan, credit or not.
 */
export const cashPart = (
  quote: Pick<Quote, "totalYen">,
  creditAppliedYen: Yen | undefined,
  feeBps: number,
): E.Either<FeeError | DomainError<"VALIDATION.INVALID">, CashPart> => {
  const credit = creditAppliedYen ?? 0;
  if (!Number.isSafeInteger(credit) || credit < 0 || credit > quote.totalYen)
    return fail("VALIDATION.INVALID", "the credit applied must be between 0 and the total", {
      creditAppliedYen: credit,
      totalYen: quote.totalYen,
    });
  const chargeYen = (quote.totalYen - credit) as Yen;
  return E.map((split: { feeYen: Yen; payoutYen: Yen }) => ({ chargeYen, ...split }))(
    platformFee(chargeYen, feeBps),
  );
};

/** The cash an ownership's payment charges: its total less the store credit it spent. */
export const amountToCharge = (o: {
  readonly quote: Pick<Quote, "totalYen">;
  readonly creditAppliedYen?: Yen;
}): Yen => (o.quote.totalYen - (o.creditAppliedYen ?? 0)) as Yen;

export type CreditReason = "credit-spent" | "credit-released" | "credit-voided";

const SIGN: Readonly<Record<CreditReason, 1 | -1>> = {
  "credit-spent": -1,
  "credit-released": 1,
  "credit-voided": -1,
};

/**
 * The ledger entry of a credit movement of `amountYen` (>= 0): spent and voided are negative,
 * released positive. 0 writes nothing.
 */
export const creditMovementEntries = (
  ctx: LedgerContext,
  amountYen: Yen,
  reason: CreditReason,
): E.Either<LedgerError, LedgerEntry[]> => {
  const checked = nonNegativeYen(amountYen);
  if (E.isLeft(checked)) return checked;
  if (checked.right === 0) return E.right([]);
  return E.right([
    {
      id: ctx.entryId("credit"),
      planId: ctx.planId,
      ownershipId: ctx.ownershipId,
      kind: "credit",
      amountYen: (SIGN[reason] * checked.right) as Yen,
      reason,
      at: ctx.at,
      actor: ctx.actor,
    },
  ]);
};

/**
 * Credit a cancelled plan takes back: what it issued, but no more than is still unspent in the
 * balance (credit already spent on another plan stays spent; that plan keeps its goods).
 */
export const voidableCredit = (issuedYen: Yen, balanceYen: Yen): Yen =>
  Math.max(0, Math.min(issuedYen, balanceYen)) as Yen;
