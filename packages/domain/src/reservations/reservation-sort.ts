import { byReservationOrder, type Ownership } from "./ownership.ts";

type Reserved = Pick<Ownership, "reservedAt" | "id">;

/** Below this, the comparator sort is as fast as the packed one. */
const PACKED_FROM = 2_048;

/**
 * Sorts in place by `byReservationOrder` (reservedAt, then id) and returns the array.
 * A comparator sort of a million objects spends its time comparing strings; here each item's
 * instant becomes a number packed with its position into one float (millis since the earliest
 * * n + position), so a typed-array sort orders them, and only the items sharing a millisecond
 * are then ordered by id. The result is checked pair by pair with the comparator and falls
 * back to the plain sort if anything disagrees (an instant not in canonical form), so it is
 * always exactly the comparator's order.
 */
export const sortByReservationOrder = <T extends Reserved>(items: T[]): T[] => {
  const n = items.length;
  if (n < PACKED_FROM) return items.sort(byReservationOrder);
  const millis = new Float64Array(n);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const ms = Date.parse((items[i] as T).reservedAt);
    if (Number.isNaN(ms)) return items.sort(byReservationOrder);
    millis[i] = ms;
    if (ms < min) min = ms;
    if (ms > max) max = ms;
  }
  // Every packed key must be an exact integer.
  if ((max - min + 1) * n > Number.MAX_SAFE_INTEGER) return items.sort(byReservationOrder);
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = ((millis[i] as number) - min) * n + i;
  packed.sort();
  const sorted = new Array<T>(n);
  for (let k = 0; k < n; k++) sorted[k] = items[(packed[k] as number) % n] as T;
  // Items on the same millisecond are in input order so far: order each such run by id.
  for (let start = 0; start < n; ) {
    const ms = Math.floor((packed[start] as number) / n);
    let end = start + 1;
    while (end < n && Math.floor((packed[end] as number) / n) === ms) end++;
    if (end - start > 1) {
      const run = sorted.slice(start, end).sort(byReservationOrder);
      for (let k = 0; k < run.length; k++) sorted[start + k] = run[k] as T;
    }
    start = end;
  }
  for (let k = 1; k < n; k++) {
    if (byReservationOrder(sorted[k - 1] as T, sorted[k] as T) > 0) {
      return items.sort(byReservationOrder);
    }
  }
  for (let k = 0; k < n; k++) items[k] = sorted[k] as T;
  return items;
};
