import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ownershipId } from "../shared/ids.ts";
import { type Instant, instantFromMillis } from "../shared/time.ts";
import { byReservationOrder } from "./ownership.ts";
import { sortByReservationOrder } from "./reservation-sort.ts";

const T0 = Date.parse("2026-05-01T00:00:00.000Z");

// Past the packed path's threshold, with few distinct milliseconds so ties on reservedAt are common.
const canonical = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 99_999 })), {
    minLength: 2_048,
    maxLength: 4_000,
  })
  .map((rows) =>
    rows.map(([ms, id], i) => ({
      id: ownershipId(`own-${id}-${i % 7}`),
      reservedAt: instantFromMillis(T0 + ms * 997),
    })),
  );

describe("sortByReservationOrder", () => {
  it("gives exactly the comparator sort's order on large inputs", () => {
    fc.assert(
      fc.property(canonical, (items) => {
        const expected = items.slice().sort(byReservationOrder);
        expect(sortByReservationOrder(items.slice())).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });

  it("falls back to the comparator when an instant is not in canonical form", () => {
    // The same millisecond as T0, written in +09:00: it sorts as a string after later instants.
    const items = Array.from({ length: 3_000 }, (_, i) => ({
      id: ownershipId(`own-${(3_000 - i).toString().padStart(5, "0")}`),
      reservedAt: (i % 3 === 0
        ? "2026-05-01T09:00:00+09:00"
        : instantFromMillis(T0 + (i % 5) * 1_000)) as Instant,
    }));
    const expected = items.slice().sort(byReservationOrder);
    expect(sortByReservationOrder(items.slice())).toEqual(expected);
  });

  it("sorts small inputs and returns the same array", () => {
    const items = [
      { id: ownershipId("b"), reservedAt: instantFromMillis(T0) },
      { id: ownershipId("a"), reservedAt: instantFromMillis(T0) },
      { id: ownershipId("c"), reservedAt: instantFromMillis(T0 - 1) },
    ];
    const sorted = sortByReservationOrder(items);
    expect(sorted).toBe(items);
    expect(sorted.map((o) => o.id)).toEqual(["c", "a", "b"]);
  });
});
