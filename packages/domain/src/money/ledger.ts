import * as E from "fp-ts/lib/Either.js";
import { type FeeError, platformFee } from "../pricing/fees.ts";
import type { Quote } from "../reservations/ownership.ts";
import { type DomainError, fail } from "../shared/errors.ts";
import type { LedgerEntryId, OwnershipId, PlanId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import { nonNegativeYen, sumYen, type Yen } from "./money.ts";

/**
 * The money ledger of a plan, append-only. Money kinds, all seen from the platform's books:
 * - charge: the owner paid (amount >= 0);
 * - refund: money went back to the owner (amount >= 0);
 * - payout: the producer's share accrued (negative when reversed);
 * - fee: the platform's share accrued (negative when reversed).
 * Invariant, exactly, for any plan: sum(charges) - sum(refunds) = sum(payouts) + sum(fees).
 *
 * `credit` is store credit owed to an owner (risk terms "credit"), not money moved: nobody paid
 * or received yen, so it sits outside the money equation and is summed on its own. Issued
 * (+ "shortfall-credit"), spent on a reservation (- "credit-spent", where it lowers the charge),
 * given back on that reservation's cancellation (+ "credit-released"), or voided (- "credit-voided").
 */
export type MoneyEntryKind = "charge" | "refund" | "payout" | "fee";
export type LedgerEntryKind = MoneyEntryKind | "credit";

/** Why an entry exists; the statement explains an owner's result from these. */
export type LedgerReason =
  | "reservation"
  | "cancellation"
  | "plan-cancellation"
  | "shortfall-refund"
  | "shortfall-credit"
  /** Store credit spent on a reservation (negative, on the plan where it is spent). */
  | "credit-spent"
  /** Spent credit given back when that reservation is cancelled (positive). */
  | "credit-released"
  /** Unspent shortfall credit taken back when the plan that issued it is cancelled (negative). */
  | "credit-voided"
  /** A payment that arrived after its hold was released, refunded in full. */
  | "late-payment";

export interface LedgerEntry {
  readonly id: LedgerEntryId;
  readonly planId: PlanId;
  readonly ownershipId?: OwnershipId;
  readonly kind: LedgerEntryKind;
  readonly amountYen: Yen;
  readonly reason: LedgerReason;
  readonly at: Instant;
  /** Who caused it: an owner id, a producer id, or a batch name. */
  readonly actor: string;
}

/** Where and when the entries of one money event are written, and how they are named. */
export interface LedgerContext {
  readonly planId: PlanId;
  readonly ownershipId: OwnershipId;
  readonly at: Instant;
  readonly actor: string;
  /** Names each new entry; called once per entry with its kind, so suffixes are unique. */
  readonly entryId: (suffix: LedgerEntryKind) => LedgerEntryId;
}

export type LedgerError =
  | FeeError
  | DomainError<"LEDGER.UNBALANCED" | "OWNERSHIP.NOT_ACTIVE" | "VALIDATION.INVALID">;

const entry = (
  ctx: LedgerContext,
  kind: LedgerEntryKind,
  amountYen: number,
  reason: LedgerReason,
): LedgerEntry => ({
  id: ctx.entryId(kind),
  planId: ctx.planId,
  ownershipId: ctx.ownershipId,
  kind,
  // -0 would survive JSON as 0 but not Object.is; reversals of nothing are plain 0.
  amountYen: (amountYen === 0 ? 0 : amountYen) as Yen,
  reason,
  at: ctx.at,
  actor: ctx.actor,
});

/** One ownership's money as the ledger has it so far. */
export interface OwnershipPosition {
  /** Charges minus refunds: what the owner has paid and not got back. */
  readonly chargedYen: Yen;
  readonly payoutYen: Yen;
  readonly feeYen: Yen;
  readonly creditYen: Yen;
  readonly hasCharge: boolean;
  readonly fullyRefunded: boolean;
}

const FULL_REFUND_REASONS: readonly LedgerReason[] = ["cancellation", "plan-cancellation"];

/** Sums the entries of one ownership of one plan (entries of others are ignored). */
export const ownershipPosition = (
  history: readonly LedgerEntry[],
  planId: PlanId,
  ownershipId: OwnershipId,
): OwnershipPosition => {
  const mine = history.filter((e) => e.planId === planId && e.ownershipId === ownershipId);
  const total = (kind: LedgerEntryKind) =>
    sumYen(mine.filter((e) => e.kind === kind).map((e) => e.amountYen));
  return {
    chargedYen: (total("charge") - total("refund")) as Yen,
    payoutYen: total("payout"),
    feeYen: total("fee"),
    creditYen: total("credit"),
    hasCharge: mine.some((e) => e.kind === "charge"),
    fullyRefunded: mine.some((e) => e.kind === "refund" && FULL_REFUND_REASONS.includes(e.reason)),
  };
};

const positionOf = (
  ctx: LedgerContext,
  history: readonly LedgerEntry[],
): E.Either<LedgerError, OwnershipPosition> => {
  const position = ownershipPosition(history, ctx.planId, ctx.ownershipId);
  if (!position.hasCharge)
    return fail("VALIDATION.INVALID", "no charge is recorded for this ownership", {
      ownershipId: ctx.ownershipId,
    });
  if (position.chargedYen !== position.payoutYen + position.feeYen)
    return fail("LEDGER.UNBALANCED", "this ownership's entries do not balance", {
      ownershipId: ctx.ownershipId,
      chargedYen: position.chargedYen,
      payoutYen: position.payoutYen,
      feeYen: position.feeYen,
    });
  return E.right(position);
};

/** The owner pays the quote's total; it accrues to the producer (payout) and platform (fee). */
export const reservationEntries = (
  ctx: LedgerContext,
  quote: Pick<Quote, "totalYen" | "feeYen" | "payoutYen">,
): E.Either<LedgerError, LedgerEntry[]> => {
  for (const amount of [quote.totalYen, quote.feeYen, quote.payoutYen]) {
    const checked = nonNegativeYen(amount);
    if (E.isLeft(checked)) return checked;
  }
  if (quote.feeYen + quote.payoutYen !== quote.totalYen)
    return fail("LEDGER.UNBALANCED", "the quote's fee and payout do not add up to its total", {
      totalYen: quote.totalYen,
      feeYen: quote.feeYen,
      payoutYen: quote.payoutYen,
    });
  return E.right([
    entry(ctx, "charge", quote.totalYen, "reservation"),
    entry(ctx, "payout", quote.payoutYen, "reservation"),
    entry(ctx, "fee", quote.feeYen, "reservation"),
  ]);
};

/**
 * Refunds everything the ownership still has charged and reverses its payout and fee in full
 * (owner cancellation, or the plan cancelled). Works from the ledger history, so an earlier
 * partial refund is taken into account; a second full refund is refused.
 */
export const fullRefundEntries = (
  ctx: LedgerContext,
  reason: "cancellation" | "plan-cancellation",
  history: readonly LedgerEntry[],
): E.Either<LedgerError, LedgerEntry[]> => {
  const position = positionOf(ctx, history);
  if (E.isLeft(position)) return position;
  const { chargedYen, payoutYen, feeYen, fullyRefunded } = position.right;
  if (fullyRefunded)
    return fail("OWNERSHIP.NOT_ACTIVE", "this ownership has already been refunded in full", {
      ownershipId: ctx.ownershipId,
    });
  return E.right([
    entry(ctx, "refund", chargedYen, reason),
    entry(ctx, "payout", -payoutYen, reason),
    entry(ctx, "fee", -feeYen, reason),
  ]);
};

/**
 * Refunds `refundYen` of what the ownership still has charged. The fee is recomputed on what
 * the platform keeps (rounded down, as on any amount), the fee difference is reversed, and the
 * rest of the refund comes out of the payout, so each ownership and the plan stay exact.
 * A refund of 0 moves nothing and writes nothing.
 */
export const partialRefundEntries = (
  ctx: LedgerContext,
  input: {
    readonly refundYen: Yen;
    readonly feeBps: number;
    readonly reason: LedgerReason;
    readonly history: readonly LedgerEntry[];
  },
): E.Either<LedgerError, LedgerEntry[]> => {
  const refund = nonNegativeYen(input.refundYen);
  if (E.isLeft(refund)) return refund;
  const position = positionOf(ctx, input.history);
  if (E.isLeft(position)) return position;
  const { chargedYen, feeYen } = position.right;
  if (refund.right > chargedYen)
    return fail("LEDGER.UNBALANCED", "the refund exceeds what this ownership has left charged", {
      ownershipId: ctx.ownershipId,
      refundYen: refund.right,
      chargedYen,
    });
  const kept = platformFee((chargedYen - refund.right) as Yen, input.feeBps);
  if (E.isLeft(kept)) return kept;
  if (refund.right === 0) return E.right([]);
  const feeDelta = kept.right.feeYen - feeYen;
  return E.right([
    entry(ctx, "refund", refund.right, input.reason),
    entry(ctx, "payout", -refund.right - feeDelta, input.reason),
    entry(ctx, "fee", feeDelta, input.reason),
  ]);
};

/** Store credit owed to the owner: a memo outside the money equation. 0 writes nothing. */
export const creditEntries = (
  ctx: LedgerContext,
  creditYen: Yen,
  reason: LedgerReason,
): E.Either<LedgerError, LedgerEntry[]> => {
  const credit = nonNegativeYen(creditYen);
  if (E.isLeft(credit)) return credit;
  return E.right(credit.right === 0 ? [] : [entry(ctx, "credit", credit.right, reason)]);
};

export interface LedgerBalance {
  readonly chargesYen: Yen;
  readonly refundsYen: Yen;
  readonly payoutsYen: Yen;
  readonly feesYen: Yen;
  /** Store credit owed; not part of the money equation. */
  readonly creditsYen: Yen;
  /** sum(charges) - sum(refunds) = sum(payouts) + sum(fees), exactly. */
  readonly isBalanced: boolean;
}

/** Sums a plan's entries by kind and checks the money equation. */
export const ledgerBalance = (entries: readonly LedgerEntry[]): LedgerBalance => {
  const total = (kind: LedgerEntryKind) =>
    sumYen(entries.filter((e) => e.kind === kind).map((e) => e.amountYen));
  const chargesYen = total("charge");
  const refundsYen = total("refund");
  const payoutsYen = total("payout");
  const feesYen = total("fee");
  return {
    chargesYen,
    refundsYen,
    payoutsYen,
    feesYen,
    creditsYen: total("credit"),
    isBalanced: chargesYen - refundsYen === payoutsYen + feesYen,
  };
};

/** ledgerBalance as a check: an unbalanced ledger is reported with its sums. */
export const checkBalanced = (
  entries: readonly LedgerEntry[],
): E.Either<DomainError<"LEDGER.UNBALANCED">, LedgerBalance> => {
  const balance = ledgerBalance(entries);
  return balance.isBalanced
    ? E.right(balance)
    : fail("LEDGER.UNBALANCED", "charges minus refunds differ from payouts plus fees", {
        ...balance,
      });
};

/**
 * A payment that arrived after its shares were released: charged and refunded in full at once,
 * so the ledger shows both movements the processor made and the plan nets to nothing.
 */
export const latePaymentEntries = (
  chargeCtx: LedgerContext,
  refundCtx: LedgerContext,
  paid: Pick<Quote, "totalYen" | "feeYen" | "payoutYen">,
): E.Either<LedgerError, LedgerEntry[]> =>
  E.map((charged: LedgerEntry[]) => [
    ...charged,
    entry(refundCtx, "refund", paid.totalYen, "late-payment"),
    entry(refundCtx, "payout", -paid.payoutYen, "late-payment"),
    entry(refundCtx, "fee", -paid.feeYen, "late-payment"),
  ])(reservationEntries(chargeCtx, paid));
