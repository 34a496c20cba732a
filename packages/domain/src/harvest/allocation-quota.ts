import { BinaryHeap } from "./allocation-heap.ts";

/**
 * Balinski & Young's quota method. Units are handed out one at a time; the next unit goes to
 * the eligible holder with the largest shares / (a + 1) (Jefferson priority), where eligible
 * means a + 1 <= ceil(shares * (h + 1) / S) at the new house size h + 1; ties go to the earlier
 * holder in the given order (reservation order). The method keeps every holder within one
 * unit of its exact share and never takes a unit back as the house grows, so the allocation
 * is a pure function of the house size.
 *
 * Handing out millions of units one by one would be too slow, so holders with the same share
 * count form a group: they share a priority at a given level, so a group's members are all at
 * `level` or `level + 1`, the first `ahead` of them (in order) at `level + 1`. Units go to
 * whole batches of a group's members at once, up to the next house size at which another
 * group's eligibility changes (computed arithmetically), so the cost grows with the number of
 * such events (about house / S * the sum of the distinct share counts) plus one pass over the
 * holders, not with the number of units. Many distinct share counts (hundreds) make it slow.
 */

/** A holder the quota method divides units among: only its share count matters. */
export interface ShareHolder {
  readonly shares: number;
}

/** Incremental quota method: grow the house, read the cumulative allocation at any point. */
export interface QuotaApportioner {
  /** Units handed out so far. */
  readonly house: () => number;
  /** Grows the house to `house` units (never shrinks it: the method is house-monotone). */
  readonly advanceTo: (house: number) => void;
  /** Cumulative units per holder, in the order the holders were given. */
  readonly allocation: () => Int32Array;
}

interface ShareGroup {
  readonly shares: number;
  /** Positions of the group's holders in the given order, ascending. */
  readonly members: Int32Array;
  level: number;
  /** The first `ahead` members hold level + 1 units, the rest hold `level`. */
  ahead: number;
  /** The group's next unit becomes eligible once the house has reached this size. */
  eligibleFrom: number;
}

const INT32_MAX = 2_147_483_647;

/**
 * Largest house this implementation divides exactly among holders with `totalShares` shares,
 * the largest holding `maxShares`: units fit an Int32Array, and the products it compares
 * (at most maxShares * (house + 2) + totalShares) stay safe integers.
 */
export const maxApportionableHouse = (totalShares: number, maxShares: number): number =>
  totalShares <= 0
    ? 0
    : Math.max(
        0,
        Math.min(
          INT32_MAX,
          Math.floor((Number.MAX_SAFE_INTEGER - totalShares) / Math.max(1, maxShares)) - 2,
        ),
      );

/** floor(a / b) for non-negative safe integers, corrected for float rounding. */
const floorDiv = (a: number, b: number): number => {
  let q = Math.floor(a / b);
  while (q * b > a) q -= 1;
  while ((q + 1) * b <= a) q += 1;
  return q;
};

/** First index in `sorted` whose value is >= `value`. */
const lowerBound = (sorted: Int32Array, value: number, from: number): number => {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/** Jefferson priority shares / (level + 1), compared exactly by cross-multiplication. */
const comparePriority = (a: ShareGroup, b: ShareGroup): number =>
  a.shares * (b.level + 1) - b.shares * (a.level + 1);

const buildGroups = (holders: readonly ShareHolder[]) => {
  const groupOfShares = new Map<number, number>();
  const groupOfHolder = new Int32Array(holders.length);
  const counts: number[] = [];
  const sharesOfGroup: number[] = [];
  let total = 0;
  let largest = 0;
  for (let i = 0; i < holders.length; i++) {
    const shares = (holders[i] as ShareHolder).shares;
    if (!Number.isSafeInteger(shares) || shares <= 0) {
      throw new RangeError(`shares must be a positive integer, got ${shares}`);
    }
    total += shares;
    largest = Math.max(largest, shares);
    let group = groupOfShares.get(shares);
    if (group === undefined) {
      group = counts.length;
      groupOfShares.set(shares, group);
      counts.push(0);
      sharesOfGroup.push(shares);
    }
    counts[group] = (counts[group] as number) + 1;
    groupOfHolder[i] = group;
  }
  if (!Number.isSafeInteger(total)) throw new RangeError("total shares exceed safe integers");
  const members = counts.map((count) => new Int32Array(count));
  const filled = new Int32Array(counts.length);
  for (let i = 0; i < holders.length; i++) {
    const group = groupOfHolder[i] as number;
    (members[group] as Int32Array)[filled[group] as number] = i;
    filled[group] = (filled[group] as number) + 1;
  }
  const groups = sharesOfGroup.map((shares, g) => ({
    shares,
    members: members[g] as Int32Array,
    level: 0,
    ahead: 0,
    eligibleFrom: 0,
  }));
  return { groups, total, largest };
};

/**
 * Gives `units` to the tied groups' waiting members in holder order (a k-way merge done by
 * binary search on the position that splits off the first `units` of them).
 */
const handOutInOrder = (tied: readonly ShareGroup[], units: number, holders: number): void => {
  const waitingBefore = (position: number): number => {
    let count = 0;
    for (const group of tied) {
      count += Math.max(0, lowerBound(group.members, position, group.ahead) - group.ahead);
    }
    return count;
  };
  let lo = 0;
  let hi = holders;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (waitingBefore(mid) >= units) hi = mid;
    else lo = mid + 1;
  }
  for (const group of tied) group.ahead = lowerBound(group.members, lo, group.ahead);
};

/** Starts the quota method at house 0 over holders given in tie-break (reservation) order. */
export const quotaApportioner = (holders: readonly ShareHolder[]): QuotaApportioner => {
  const { groups, total, largest } = buildGroups(holders);
  const maxHouse = maxApportionableHouse(total, largest);
  // Eligible groups, highest priority first (ties are merged in holder order below).
  const ready = new BinaryHeap<ShareGroup>((a, b) => comparePriority(a, b) > 0);
  // Groups waiting to become eligible, soonest first.
  const waiting = new BinaryHeap<ShareGroup>((a, b) => a.eligibleFrom < b.eligibleFrom);
  for (const group of groups) ready.push(group);
  const tied: ShareGroup[] = [];
  let house = 0;

  const advanceTo = (target: number): void => {
    if (!Number.isSafeInteger(target) || target < house || target > maxHouse) {
      throw new RangeError(`cannot grow the house from ${house} to ${target} (max ${maxHouse})`);
    }
    while (house < target) {
      for (let next = waiting.peek(); next !== undefined && next.eligibleFrom <= house; ) {
        ready.push(waiting.pop() as ShareGroup);
        next = waiting.peek();
      }
      const best = ready.pop();
      if (best === undefined) throw new Error("quota method: no eligible holder (a bug)");
      tied.length = 0;
      tied.push(best);
      for (let next = ready.peek(); next !== undefined && comparePriority(next, best) === 0; ) {
        tied.push(ready.pop() as ShareGroup);
        next = ready.peek();
      }
      // The order among eligible groups only changes when a waiting group becomes eligible.
      let batch = target - house;
      const soonest = waiting.peek();
      if (soonest !== undefined) batch = Math.min(batch, soonest.eligibleFrom - house);
      let atLevel = 0;
      for (const group of tied) atLevel += group.members.length - group.ahead;
      batch = Math.min(batch, atLevel);
      if (tied.length === 1) best.ahead += batch;
      else handOutInOrder(tied, batch, holders.length);
      house += batch;
      for (const group of tied) {
        if (group.ahead === group.members.length) {
          group.level += 1;
          group.ahead = 0;
          group.eligibleFrom = floorDiv(group.level * total, group.shares);
        }
        if (group.eligibleFrom <= house) ready.push(group);
        else waiting.push(group);
      }
    }
  };

  const allocation = (): Int32Array => {
    const units = new Int32Array(holders.length);
    for (const { members, level, ahead } of groups) {
      for (let r = 0; r < members.length; r++) {
        units[members[r] as number] = r < ahead ? level + 1 : level;
      }
    }
    return units;
  };

  return { house: () => house, advanceTo, allocation };
};

/**
 * Cumulative units per holder after `house` units, by the quota method. `holders` must be in
 * tie-break order (reservation order); the result is aligned with it.
 */
export const apportion = (holders: readonly ShareHolder[], house: number): Int32Array => {
  const apportioner = quotaApportioner(holders);
  apportioner.advanceTo(house);
  return apportioner.allocation();
};
