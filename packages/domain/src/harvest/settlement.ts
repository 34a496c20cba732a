import * as E from "fp-ts/lib/Either.js";
import type { Yen } from "../money/money.ts";
import type { RiskTerms } from "../plans/plan.ts";
import { type DomainError, fail } from "../shared/errors.ts";
import type { OwnershipId } from "../shared/ids.ts";

/**
 * One active ownership after allocation, in reservation order (ties in rounding go to the
 * earlier one).
 *
 * Only the goods part of the price is compensated: shipping is not refunded for missing units,
 * because the surcharge pays for the delivery of the owner's box, which still happens for the
 * units that did arrive. A harvest that fails outright is settled by cancelling the plan, which
 * refunds everything, shipping included.
 */
export interface ShortfallInput {
  readonly ownershipId: OwnershipId;
  readonly shares: number;
  /** unitsPerShare x shares. */
  readonly entitledUnits: number;
  /** Standard-grade units allocated; off-spec units are a bonus and never offset a shortfall. */
  readonly receivedStandardUnits: number;
  /** The quote's sharesYen: what the owner paid for the goods, shipping excluded. */
  readonly paidForSharesYen: Yen;
}

export type CompensationKind = "refund" | "credit" | "none";

export interface Compensation {
  readonly kind: CompensationKind;
  readonly amountYen: Yen;
}

export interface OwnershipSettlement {
  readonly ownershipId: OwnershipId;
  /** max(0, entitled - received standard units). */
  readonly missingUnits: number;
  /** "none" when nothing is missing or the terms share the risk; else the terms' kind. */
  readonly compensation: Compensation;
  /** Why this compensation, in a sentence a buyer can read. */
  readonly reason: string;
}

export type SettlementError = DomainError<
  "QUANTITY.INVALID" | "MONEY.NOT_SAFE_INTEGER" | "MONEY.NEGATIVE" | "VALIDATION.INVALID"
>;

const isNonNegativeInteger = (n: number) => Number.isSafeInteger(n) && n >= 0;

const validate = (ownerships: readonly ShortfallInput[]): E.Either<SettlementError, void> => {
  const seen = new Set<string>();
  for (const o of ownerships) {
    const id = o.ownershipId;
    if (seen.has(id))
      return fail("VALIDATION.INVALID", "the same ownership is listed twice", { ownershipId: id });
    seen.add(id);
    if (!isNonNegativeInteger(o.shares) || o.shares < 1)
      return fail("QUANTITY.INVALID", "shares must be a whole number of at least 1", {
        ownershipId: id,
        field: "shares",
        value: o.shares,
      });
    if (!isNonNegativeInteger(o.entitledUnits) || o.entitledUnits < 1)
      return fail("QUANTITY.INVALID", "entitled units must be a whole number of at least 1", {
        ownershipId: id,
        field: "entitledUnits",
        value: o.entitledUnits,
      });
    if (!isNonNegativeInteger(o.receivedStandardUnits))
      return fail("QUANTITY.INVALID", "received units must be a whole number of at least 0", {
        ownershipId: id,
        field: "receivedStandardUnits",
        value: o.receivedStandardUnits,
      });
    if (!Number.isSafeInteger(o.paidForSharesYen))
      return fail("MONEY.NOT_SAFE_INTEGER", "the amount paid must be a safe integer of yen", {
        ownershipId: id,
        field: "paidForSharesYen",
        value: o.paidForSharesYen,
      });
    if (o.paidForSharesYen < 0)
      return fail("MONEY.NEGATIVE", "the amount paid must not be negative", {
        ownershipId: id,
        field: "paidForSharesYen",
        value: o.paidForSharesYen,
      });
  }
  return E.right(undefined);
};

export const missingUnitsOf = (
  o: Pick<ShortfallInput, "entitledUnits" | "receivedStandardUnits">,
) => Math.max(0, o.entitledUnits - o.receivedStandardUnits);

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

/**
 * Yen owed to each ownership for its missing units: exact_i = paid_i * missing_i / entitled_i.
 * The total is floor(sum of exact_i), computed exactly as a BigInt fraction (no float, no
 * overflow); each ownership gets floor(exact_i), and the yen left over go one each to the
 * largest fractional remainders (ties to the earlier ownership). So the amounts add up to the
 * total to the yen, each is floor or ceil of its exact value, and none exceeds what was paid.
 */
export const proportionalCompensation = (ownerships: readonly ShortfallInput[]): Yen[] => {
  const parts = ownerships.map((o) => {
    const owed = BigInt(o.paidForSharesYen) * BigInt(missingUnitsOf(o));
    const entitled = BigInt(o.entitledUnits);
    return { floor: owed / entitled, remainder: owed % entitled, entitled };
  });

  // Sum of the fractional parts, kept reduced so the denominator stays an lcm of entitlements.
  let num = 0n;
  let den = 1n;
  for (const p of parts) {
    if (p.remainder === 0n) continue;
    num = num * p.entitled + p.remainder * den;
    den *= p.entitled;
    const g = gcd(num, den);
    num /= g;
    den /= g;
  }
  // The fractional parts add up to less than the number of non-zero ones, so every extra yen
  // lands on an ownership with a remainder: its floor + 1 is its ceil, never above what it paid.
  const leftover = Number(num / den);

  const byRemainder = parts
    .map((p, index) => ({ ...p, index }))
    .filter((p) => p.remainder > 0n)
    .sort((a, b) => {
      const lhs = a.remainder * b.entitled;
      const rhs = b.remainder * a.entitled;
      return lhs > rhs ? -1 : lhs < rhs ? 1 : a.index - b.index;
    });
  const amounts = parts.map((p) => Number(p.floor));
  for (const p of byRemainder.slice(0, leftover)) amounts[p.index] = (amounts[p.index] ?? 0) + 1;
  return amounts as Yen[];
};

/**
 * Settles a short harvest by the plan's risk terms:
 * - refund: yen back in proportion to the missing units (see proportionalCompensation);
 * - credit: the same amounts, owed as store credit instead of paid back;
 * - shared: no compensation; buyers were told before buying that owners share the risk.
 * Ownerships with nothing missing get no compensation under any terms.
 */
export const settleShortfall = (
  riskTerms: RiskTerms,
  ownerships: readonly ShortfallInput[],
): E.Either<SettlementError, OwnershipSettlement[]> => {
  if (!(["refund", "credit", "shared"] as const).includes(riskTerms))
    return fail("VALIDATION.INVALID", "risk terms must be refund, credit or shared", {
      field: "riskTerms",
      value: riskTerms,
    });
  const valid = validate(ownerships);
  if (E.isLeft(valid)) return valid;

  const amounts =
    riskTerms === "shared" ? ownerships.map(() => 0) : proportionalCompensation(ownerships);
  return E.right(
    ownerships.map((o, i) => {
      const missingUnits = missingUnitsOf(o);
      const amountYen = (amounts[i] ?? 0) as Yen;
      if (missingUnits === 0)
        return {
          ownershipId: o.ownershipId,
          missingUnits,
          compensation: { kind: "none", amountYen },
          reason: "nothing is missing: the full entitlement was delivered",
        };
      if (riskTerms === "shared")
        return {
          ownershipId: o.ownershipId,
          missingUnits,
          compensation: { kind: "none", amountYen },
          reason: "the plan's terms share the harvest risk among owners: no compensation",
        };
      return {
        ownershipId: o.ownershipId,
        missingUnits,
        compensation: { kind: riskTerms, amountYen },
        reason:
          riskTerms === "refund"
            ? "refund of the goods price in proportion to the missing units"
            : "store credit of the goods price in proportion to the missing units",
      };
    }),
  );
};

/** What one ownership has already received for its shortfall, by the ledger. */
export interface CompensatedSoFar {
  readonly refundYen: Yen;
  readonly creditYen: Yen;
}

/**
 * What is still to write for one ownership's settlement line: the owed amount less what the
 * ledger already holds (refund and credit together: a refund may have been part credit), never
 * negative, so the total paid never exceeds what the final allocation owes. A refund goes back as
 * money up to what the owner still has charged in cash (`cashLeftYen`: a reservation paid partly
 * with store credit has less cash to refund); the rest is given back as store credit.
 */
export const compensationDue = (
  settlement: Pick<OwnershipSettlement, "compensation">,
  so: CompensatedSoFar,
  cashLeftYen: Yen,
): CompensatedSoFar => {
  const { kind, amountYen } = settlement.compensation;
  const due = Math.max(0, amountYen - so.refundYen - so.creditYen);
  if (kind === "none" || due === 0) return { refundYen: 0 as Yen, creditYen: 0 as Yen };
  if (kind === "credit") return { refundYen: 0 as Yen, creditYen: due as Yen };
  const refundYen = Math.min(due, Math.max(0, cashLeftYen));
  return { refundYen: refundYen as Yen, creditYen: (due - refundYen) as Yen };
};
