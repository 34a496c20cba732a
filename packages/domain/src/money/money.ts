import * as E from "fp-ts/lib/Either.js";
import { type DomainError, fail } from "../shared/errors.ts";

declare const yenBrand: unique symbol;
/** Integer yen, tax-inclusive, always a safe integer. Never a fraction. */
export type Yen = number & { readonly [yenBrand]: true };

export const ZERO_YEN = 0 as Yen;

/** Checks a number is a safe integer amount of yen (negative allowed for deltas). */
export const yenFrom = (value: number): E.Either<DomainError<"MONEY.NOT_SAFE_INTEGER">, Yen> =>
  Number.isSafeInteger(value)
    ? E.right(value as Yen)
    : fail("MONEY.NOT_SAFE_INTEGER", `amount must be a safe integer of yen, got ${value}`);

/** Like yenFrom but also rejects negative amounts (prices, charges). */
export const nonNegativeYen = (
  value: number,
): E.Either<DomainError<"MONEY.NOT_SAFE_INTEGER" | "MONEY.NEGATIVE">, Yen> =>
  value < 0 ? fail("MONEY.NEGATIVE", `amount must not be negative, got ${value}`) : yenFrom(value);

/**
 * Arithmetic that stays in safe integers. Overflow is a programming error on amounts that
 * were validated at the edge (a plan's whole revenue is far below 2^53 yen), so it throws.
 */
const checked = (value: number): Yen => {
  if (!Number.isSafeInteger(value))
    throw new RangeError(`yen arithmetic left safe integers: ${value}`);
  return value as Yen;
};
export const addYen = (a: Yen, b: Yen): Yen => checked(a + b);
export const subYen = (a: Yen, b: Yen): Yen => checked(a - b);
export const mulYen = (a: Yen, factor: number): Yen => checked(a * factor);
export const sumYen = (amounts: Iterable<Yen>): Yen => {
  let total = 0;
  for (const amount of amounts) total += amount;
  return checked(total);
};
/** Unchecked cast for amounts already validated (mappers from storage, literals in tests). */
export const yen = (value: number): Yen => checked(value);
