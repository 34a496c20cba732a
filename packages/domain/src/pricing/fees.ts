import * as E from "fp-ts/lib/Either.js";
import { nonNegativeYen, type Yen } from "../money/money.ts";
import { type DomainError, fail } from "../shared/errors.ts";

/** 100% in basis points: the largest fee rate a plan can carry. */
export const MAX_FEE_BPS = 10_000;

/** How one amount splits between the platform and the producer. */
export interface FeeSplit {
  /** The platform's share, rounded down to the yen. */
  readonly feeYen: Yen;
  /** The producer's share: the amount minus the fee, so the two always add up exactly. */
  readonly payoutYen: Yen;
}

export type FeeError = DomainError<"PRICING.INVALID" | "MONEY.NEGATIVE" | "MONEY.NOT_SAFE_INTEGER">;

/** A fee rate is a whole number of basis points from 0 (no fee) to 10,000 (everything). */
export const validateFeeBps = (feeBps: number): E.Either<DomainError<"PRICING.INVALID">, number> =>
  Number.isSafeInteger(feeBps) && feeBps >= 0 && feeBps <= MAX_FEE_BPS
    ? E.right(feeBps)
    : fail("PRICING.INVALID", "the platform fee must be a whole number of basis points 0..10000", {
        field: "platformFeeBps",
        value: feeBps,
      });

/**
 * floor(amount * bps / 10000), exact. The product can leave safe integers for very large
 * amounts (above ~9e11 yen), and a float division can round up across an integer near 2^53,
 * so the division is done on BigInt.
 */
const feeFloor = (amount: number, feeBps: number): Yen =>
  Number((BigInt(amount) * BigInt(feeBps)) / BigInt(MAX_FEE_BPS)) as Yen;

/** Splits an amount into the platform's fee (rounded down) and the producer's payout. */
export const platformFee = (amount: Yen, feeBps: number): E.Either<FeeError, FeeSplit> => {
  const bps = validateFeeBps(feeBps);
  if (E.isLeft(bps)) return bps;
  const checked = nonNegativeYen(amount);
  if (E.isLeft(checked)) return checked;
  const feeYen = feeFloor(checked.right, bps.right);
  return E.right({ feeYen, payoutYen: (checked.right - feeYen) as Yen });
};
