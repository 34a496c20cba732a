/**
 * Allocation benchmark. Prints one line per measurement:
 *   BENCH allocation-1m <ms> ms ratio=<r> …    10 lots, 30 % short, across 1,000,000 ownerships
 *                                              of heavy-tailed (Zipf-like) sizes; ratio is that
 *                                              time / sorting them by reservation order
 *   BENCH allocation-lots <ms> ms owners=100000 lots=100
 * Inputs come from a seeded PRNG, so every run measures the same work.
 */
import * as E from "fp-ts/lib/Either.js";
import { allocate } from "../src/harvest/allocation.ts";
import type { AllocatableOwnership } from "../src/harvest/allocation-input.ts";
import type { HarvestLot, LotGrade } from "../src/harvest/harvest.ts";
import { byReservationOrder } from "../src/reservations/ownership.ts";
import { lotId, ownershipId, planId } from "../src/shared/ids.ts";
import { instantFromMillis, localDate } from "../src/shared/time.ts";

const UNITS_PER_SHARE = 5;
const BASE_MS = Date.parse("2026-04-01T00:00:00.000Z");
const DAY_MS = 86_400_000;

/** mulberry32: small, fast, seeded. */
const prng = (seed: number) => {
  let state = seed >>> 0;
  return (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

/** Shares 1..5, reservations spread over 30 days (some on the same millisecond), unsorted. */
const makeOwnerships = (count: number, seed: number): AllocatableOwnership[] => {
  const random = prng(seed);
  return Array.from({ length: count }, (_, i) => ({
    id: ownershipId(`own-${i.toString().padStart(7, "0")}`),
    shares: 1 + Math.floor(random() * 5),
    reservedAt: instantFromMillis(BASE_MS + Math.floor(random() * 30 * DAY_MS)),
  }));
};

/**
 * Heavy-tailed sizes, as a popular plan's buyers are: most own 1-3 shares, a long tail owns
 * hundreds (P(shares >= s) ~ s^-0.8, capped at 400), so the allocation meets 400 distinct share
 * counts and large remainders rather than five tidy sizes. (Plans cap an owner at
 * MAX_SHARES_PER_OWNER = 100 shares, so real plans have at most 100 distinct counts: this is
 * harder than production.) The quota method's cost grows with the sum of the distinct counts.
 */
const makeZipfOwnerships = (count: number, seed: number): AllocatableOwnership[] => {
  const random = prng(seed);
  return Array.from({ length: count }, (_, i) => ({
    id: ownershipId(`own-${i.toString().padStart(7, "0")}`),
    shares: Math.min(400, Math.floor((1 - random()) ** (-1 / 0.8))),
    reservedAt: instantFromMillis(BASE_MS + Math.floor(random() * 30 * DAY_MS)),
  }));
};

const makeLot = (index: number, quantity: number, grade: LotGrade): HarvestLot => ({
  id: lotId(`lot-${index.toString().padStart(4, "0")}`),
  planId: planId("plan-bench"),
  quantity,
  grade,
  readyOn: localDate("2026-07-01"),
  bestBefore: localDate("2026-07-10"),
  recordedAt: instantFromMillis(BASE_MS + 90 * DAY_MS + index * 3_600_000),
});

const entitledTotal = (ownerships: readonly AllocatableOwnership[]) =>
  ownerships.reduce((sum, o) => sum + o.shares, 0) * UNITS_PER_SHARE;

const time = (work: () => void): number => {
  const start = performance.now();
  work();
  return performance.now() - start;
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

const allocateOrThrow = (
  ownerships: readonly AllocatableOwnership[],
  lots: readonly HarvestLot[],
): void => {
  const result = allocate({
    unitsPerShare: UNITS_PER_SHARE,
    surplusBonusCapUnits: 1_000,
    ownerships,
    lots,
  });
  if (E.isLeft(result)) throw new Error(result.left.message);
};

/** Ten lots of uneven size that add up to 70 % of the entitlement (a 30 % shortfall). */
const shortLots = (ownerships: readonly AllocatableOwnership[], seed: number): HarvestLot[] => {
  const random = prng(seed);
  const weights = Array.from({ length: 10 }, () => 0.2 + random());
  const total = weights.reduce((a, b) => a + b, 0);
  const harvest = Math.floor(entitledTotal(ownerships) * 0.7);
  return weights.map((w, i) =>
    makeLot(i, Math.floor((harvest * w) / total), i === 9 ? "offspec" : "standard"),
  );
};

const benchAMillionHeavyTailed = (): void => {
  const ownerships = makeZipfOwnerships(1_000_000, 20_260_401);
  const distinct = new Set(ownerships.map((o) => o.shares)).size;
  const lots = shortLots(ownerships, 5);
  const sortOnce = () => time(() => ownerships.slice().sort(byReservationOrder));
  const allocateOnce = () => time(() => allocateOrThrow(ownerships, lots));
  sortOnce();
  allocateOnce();
  const sorts: number[] = [];
  const allocations: number[] = [];
  for (let run = 0; run < 5; run++) {
    sorts.push(sortOnce());
    allocations.push(allocateOnce());
  }
  const ms = median(allocations);
  const ratio = ms / median(sorts);
  console.log(
    `BENCH allocation-1m ${ms.toFixed(1)} ms ratio=${ratio.toFixed(2)} shares=zipf distinct=${distinct} lots=${lots.length} shortfall=30%`,
  );
};

/** 100 lots, mostly standard with a few off-spec, adding up to a bit over the entitlement. */
const benchManyLots = (): void => {
  const ownerships = makeOwnerships(100_000, 7);
  const random = prng(11);
  const perLot = (entitledTotal(ownerships) * 1.1) / 90;
  const lots = Array.from({ length: 100 }, (_, i) =>
    makeLot(i, Math.floor(perLot * (0.5 + random())), i % 10 === 9 ? "offspec" : "standard"),
  );
  allocateOrThrow(ownerships, lots);
  const runs = [0, 1, 2].map(() => time(() => allocateOrThrow(ownerships, lots)));
  console.log(
    `BENCH allocation-lots ${median(runs).toFixed(1)} ms owners=${ownerships.length} lots=${lots.length}`,
  );
};

benchAMillionHeavyTailed();
benchManyLots();
