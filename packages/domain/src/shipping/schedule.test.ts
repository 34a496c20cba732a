import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { lotId, type OwnershipId, ownershipId } from "../shared/ids.ts";
import { addDays, type LocalDate, localDate } from "../shared/time.ts";
import type { ShippingAllocation, ShippingScheduleInput } from "./input.ts";
import { type ShippingSchedule, scheduleShipments } from "./schedule.ts";
import { DEFAULT_TRANSIT_DAYS_JAPAN, type TransitDaysTable } from "./transit.ts";

interface Address {
  readonly postalCode: string;
}

const BASE = localDate("2026-07-01");
const day = (offset: number): LocalDate => addDays(BASE, offset);

const scheduled = (input: ShippingScheduleInput<Address>): ShippingSchedule<Address> => {
  const result = scheduleShipments(input);
  if (E.isLeft(result)) throw new Error(`unexpected ${result.left._tag}: ${result.left.message}`);
  return result.right;
};

// Tiny inputs: a few days, a few owners, a few boxes, so the reference matching stays cheap.
const REGIONS = ["north", "middle", "south", "nowhere"] as const;
const inputArb: fc.Arbitrary<ShippingScheduleInput<Address>> = fc
  .record({
    readyOffset: fc.integer({ min: 0, max: 4 }),
    shelfDays: fc.integer({ min: 0, max: 6 }),
    fromOffset: fc.integer({ min: 0, max: 5 }),
    windowDays: fc.integer({ min: 0, max: 5 }),
    capacity: fc.integer({ min: 1, max: 3 }),
    unitsPerBox: fc.integer({ min: 1, max: 3 }),
    transit: fc.tuple(
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 3 }),
    ),
    used: fc.array(fc.tuple(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 4 })), {
      maxLength: 4,
    }),
    allocations: fc.array(
      fc.record({
        units: fc.integer({ min: 0, max: 7 }),
        region: fc.constantFrom(...REGIONS),
      }),
      { maxLength: 6 },
    ),
  })
  .map((g) => {
    const transitDays: TransitDaysTable = {
      north: g.transit[0],
      middle: g.transit[1],
      south: g.transit[2],
    };
    return {
      lot: {
        id: lotId("lot-1"),
        readyOn: day(g.readyOffset),
        bestBefore: day(g.readyOffset + g.shelfDays),
      },
      deliveryWindow: { from: day(g.fromOffset), to: day(g.fromOffset + g.windowDays) },
      capacityBoxesPerDay: g.capacity,
      unitsPerBox: g.unitsPerBox,
      transitDays,
      capacityAlreadyUsed: Object.fromEntries(
        g.used.map(([offset, boxes]) => [day(offset), boxes]),
      ),
      allocations: g.allocations.map(
        (a, index): ShippingAllocation<Address> => ({
          ownershipId: ownershipId(`own-${index}`),
          units: a.units,
          shippingRegion: a.region,
          address: { postalCode: `100-000${index}` },
        }),
      ),
    };
  });

/** Ship days allowed for one allocation, straight from the rules (no shared code). */
const allowedDays = (
  input: ShippingScheduleInput<Address>,
  allocation: ShippingAllocation<Address>,
): LocalDate[] => {
  const transit = input.transitDays[allocation.shippingRegion];
  if (transit === undefined) return [];
  const days: LocalDate[] = [];
  for (let d = input.deliveryWindow.from; d <= input.deliveryWindow.to; d = addDays(d, 1)) {
    if (d >= input.lot.readyOn && addDays(d, transit) <= input.lot.bestBefore) days.push(d);
  }
  return days;
};

/**
 * Reference: the most boxes any schedule can ship, by bipartite matching of single boxes
 * to single free box-slots (Kuhn's augmenting paths).
 */
const referenceMaxBoxes = (input: ShippingScheduleInput<Address>): number => {
  const slots: LocalDate[] = [];
  for (let d = input.deliveryWindow.from; d <= input.deliveryWindow.to; d = addDays(d, 1)) {
    const free = input.capacityBoxesPerDay - (input.capacityAlreadyUsed[d] ?? 0);
    for (let s = 0; s < free; s++) slots.push(d);
  }
  const boxes = input.allocations.flatMap((a) => {
    const allowed = new Set(allowedDays(input, a));
    return Array.from({ length: Math.ceil(a.units / input.unitsPerBox) }, () => allowed);
  });
  const slotBox: (number | undefined)[] = slots.map(() => undefined);
  const tryBox = (box: number, seen: boolean[]): boolean => {
    for (let slot = 0; slot < slots.length; slot++) {
      if (seen[slot] || !(boxes[box] as Set<LocalDate>).has(slots[slot] as LocalDate)) continue;
      seen[slot] = true;
      const holder = slotBox[slot];
      if (holder === undefined || tryBox(holder, seen)) {
        slotBox[slot] = box;
        return true;
      }
    }
    return false;
  };
  return boxes.filter((_, box) =>
    tryBox(
      box,
      slots.map(() => false),
    ),
  ).length;
};

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe("scheduleShipments properties", () => {
  it("never books more boxes on a day than the capacity left by earlier lots", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const schedule = scheduled(input);
        const added = new Map<string, number>();
        for (const s of schedule.shipments)
          added.set(s.shipOn, (added.get(s.shipOn) ?? 0) + s.boxes);
        for (const [shipOn, boxes] of added) {
          const before = input.capacityAlreadyUsed[shipOn] ?? 0;
          expect(before + boxes).toBeLessThanOrEqual(input.capacityBoxesPerDay);
          expect(schedule.capacityUsed[shipOn]).toBe(before + boxes);
        }
        for (const [usedOn, boxes] of Object.entries(input.capacityAlreadyUsed)) {
          expect(schedule.capacityUsed[usedOn]).toBe(boxes + (added.get(usedOn) ?? 0));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("ships inside the window, once ready, arriving by best-before", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const s of scheduled(input).shipments) {
          expect(s.shipOn >= input.deliveryWindow.from).toBe(true);
          expect(s.shipOn >= input.lot.readyOn).toBe(true);
          expect(s.shipOn <= input.deliveryWindow.to).toBe(true);
          const transit = input.transitDays[s.region] as number;
          expect(s.arriveBy).toBe(addDays(s.shipOn, transit));
          expect(s.arriveBy <= input.lot.bestBefore).toBe(true);
          expect(s.lotId).toBe(input.lot.id);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("conserves units: shipped + reported = allocated, per owner, in sound boxes", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const schedule = scheduled(input);
        for (const a of input.allocations) {
          const mine = schedule.shipments.filter((s) => s.ownershipId === a.ownershipId);
          const unshipped = schedule.infeasible.filter((i) => i.ownershipId === a.ownershipId);
          expect(sum(mine.map((s) => s.units)) + sum(unshipped.map((i) => i.units))).toBe(a.units);
          for (const s of mine) {
            expect(s.address).toBe(a.address);
            expect(s.region).toBe(a.shippingRegion);
            expect(s.units).toBeGreaterThan(0);
            expect(s.units).toBeLessThanOrEqual(s.boxes * input.unitsPerBox);
            expect(s.units).toBeGreaterThan((s.boxes - 1) * input.unitsPerBox);
          }
          for (const i of unshipped) expect(i.units).toBeGreaterThan(0);
          // No more boxes than the allocation needs.
          expect(sum(mine.map((s) => s.boxes))).toBeLessThanOrEqual(
            Math.ceil(a.units / input.unitsPerBox),
          );
        }
        const known = new Set(input.allocations.map((a) => a.ownershipId as string));
        for (const s of schedule.shipments) expect(known.has(s.ownershipId)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("ships as many boxes as the reference matching, and everything when that is possible", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const schedule = scheduled(input);
        const best = referenceMaxBoxes(input);
        expect(sum(schedule.shipments.map((s) => s.boxes))).toBe(best);
        const allBoxes = sum(input.allocations.map((a) => Math.ceil(a.units / input.unitsPerBox)));
        if (best === allBoxes) expect(schedule.infeasible).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it("reports each unshipped allocation with the reason that really applies", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const schedule = scheduled(input);
        for (const i of schedule.infeasible) {
          const a = input.allocations.find((x) => x.ownershipId === i.ownershipId);
          if (a === undefined) throw new Error("reported an unknown ownership");
          const windowDays = [] as LocalDate[];
          for (let d = input.deliveryWindow.from; d <= input.deliveryWindow.to; d = addDays(d, 1))
            if (d >= input.lot.readyOn) windowDays.push(d);
          const regionKnown = a.shippingRegion in input.transitDays;
          const expected = !regionKnown
            ? "unknown-region"
            : windowDays.length === 0
              ? "no-ship-day-in-window"
              : allowedDays(input, a).length === 0
                ? "no-day-before-best-before"
                : "capacity";
          expect(i.reason).toBe(expected);
          if (expected === "capacity") {
            // Capacity is short only if every allowed day is full after scheduling.
            for (const d of allowedDays(input, a))
              expect(schedule.capacityUsed[d] ?? 0).toBeGreaterThanOrEqual(
                input.capacityBoxesPerDay,
              );
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("is deterministic and ignores the key order of the used-capacity map", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const reversed = {
          ...input,
          capacityAlreadyUsed: Object.fromEntries(
            Object.entries(input.capacityAlreadyUsed).reverse(),
          ),
        };
        const first = scheduled(input);
        expect(scheduled(input)).toEqual(first);
        expect(JSON.stringify(scheduled(reversed))).toBe(JSON.stringify(first));
      }),
      { numRuns: 1000 },
    );
  });
});

const baseInput = (
  allocations: readonly ShippingAllocation<Address>[],
  overrides: Partial<ShippingScheduleInput<Address>> = {},
): ShippingScheduleInput<Address> => ({
  lot: { id: lotId("lot-1"), readyOn: day(0), bestBefore: day(10) },
  deliveryWindow: { from: day(0), to: day(4) },
  capacityBoxesPerDay: 2,
  unitsPerBox: 4,
  transitDays: DEFAULT_TRANSIT_DAYS_JAPAN,
  capacityAlreadyUsed: {},
  allocations,
  ...overrides,
});
const alloc = (id: string, units: number, region: string): ShippingAllocation<Address> => ({
  ownershipId: ownershipId(id),
  units,
  shippingRegion: region,
  address: { postalCode: `${id}-zip` },
});
const shipmentsOf = (schedule: ShippingSchedule<Address>, id: string) =>
  schedule.shipments.filter((s) => s.ownershipId === (id as OwnershipId));

describe("scheduleShipments examples", () => {
  it("boxes units (full boxes, the remainder last) and keeps an owner's boxes together", () => {
    const schedule = scheduled(baseInput([alloc("a", 7, "kanto"), alloc("b", 3, "kinki")]));
    expect(schedule.shipments).toEqual([
      {
        ownershipId: "a",
        lotId: "lot-1",
        shipOn: day(0),
        arriveBy: day(1),
        boxes: 2,
        units: 7,
        region: "kanto",
        address: { postalCode: "a-zip" },
      },
      {
        ownershipId: "b",
        lotId: "lot-1",
        shipOn: day(1),
        arriveBy: day(2),
        boxes: 1,
        units: 3,
        region: "kinki",
        address: { postalCode: "b-zip" },
      },
    ]);
    expect(schedule.capacityUsed).toEqual({ [day(0)]: 2, [day(1)]: 1 });
    expect(schedule.infeasible).toEqual([]);
  });

  it("ships the longest transit first when its deadline is tighter", () => {
    // Best-before day 4: Okinawa (3 days) must ship on day 0 or 1, Kanto (1 day) by day 3.
    const schedule = scheduled(
      baseInput([alloc("kanto-1", 8, "kanto"), alloc("okinawa-1", 8, "okinawa")], {
        lot: { id: lotId("lot-1"), readyOn: day(0), bestBefore: day(4) },
      }),
    );
    expect(shipmentsOf(schedule, "okinawa-1").map((s) => [s.shipOn, s.arriveBy])).toEqual([
      [day(0), day(3)],
    ]);
    expect(shipmentsOf(schedule, "kanto-1").map((s) => s.shipOn)).toEqual([day(1)]);
  });

  it("counts arrival on the best-before day as in time, and not a day later", () => {
    const onTheDay = scheduled(
      baseInput([alloc("a", 1, "okinawa")], {
        lot: { id: lotId("lot-1"), readyOn: day(0), bestBefore: day(3) },
      }),
    );
    expect(onTheDay.shipments.map((s) => s.arriveBy)).toEqual([day(3)]);
    const tooLate = scheduled(
      baseInput([alloc("a", 1, "okinawa")], {
        lot: { id: lotId("lot-1"), readyOn: day(0), bestBefore: day(2) },
      }),
    );
    expect(tooLate.shipments).toEqual([]);
    expect(tooLate.infeasible).toEqual([
      { ownershipId: "a", units: 1, region: "okinawa", reason: "no-day-before-best-before" },
    ]);
  });

  it("starts shipping when the lot is ready, not before", () => {
    const schedule = scheduled(
      baseInput([alloc("a", 1, "kanto")], {
        lot: { id: lotId("lot-1"), readyOn: day(2), bestBefore: day(10) },
      }),
    );
    expect(schedule.shipments.map((s) => s.shipOn)).toEqual([day(2)]);
  });

  it("reports a lot ready after the delivery window closed", () => {
    const schedule = scheduled(
      baseInput([alloc("a", 5, "kanto")], {
        lot: { id: lotId("lot-1"), readyOn: day(5), bestBefore: day(10) },
      }),
    );
    expect(schedule.infeasible).toEqual([
      { ownershipId: "a", units: 5, region: "kanto", reason: "no-ship-day-in-window" },
    ]);
  });

  it("reports an unknown region without blocking the others", () => {
    const schedule = scheduled(baseInput([alloc("a", 4, "atlantis"), alloc("b", 4, "kanto")]));
    expect(schedule.infeasible).toEqual([
      { ownershipId: "a", units: 4, region: "atlantis", reason: "unknown-region" },
    ]);
    expect(shipmentsOf(schedule, "b")).toHaveLength(1);
  });

  it("respects capacity used by earlier lots and reports the shortfall, later reservations first", () => {
    // Window of 2 days, capacity 2, one slot left on day 0 and none on day 1.
    const schedule = scheduled(
      baseInput([alloc("first", 4, "kanto"), alloc("second", 8, "kanto")], {
        deliveryWindow: { from: day(0), to: day(1) },
        capacityAlreadyUsed: { [day(0)]: 1, [day(1)]: 2 },
      }),
    );
    expect(schedule.shipments.map((s) => [s.ownershipId, s.shipOn, s.boxes])).toEqual([
      ["first", day(0), 1],
    ]);
    expect(schedule.capacityUsed).toEqual({ [day(0)]: 2, [day(1)]: 2 });
    expect(schedule.infeasible).toEqual([
      { ownershipId: "second", units: 8, region: "kanto", reason: "capacity" },
    ]);
  });

  it("ships part of an allocation in full boxes and reports the rest", () => {
    const schedule = scheduled(
      baseInput([alloc("a", 10, "kanto")], {
        deliveryWindow: { from: day(0), to: day(0) },
      }),
    );
    expect(schedule.shipments.map((s) => [s.boxes, s.units])).toEqual([[2, 8]]);
    expect(schedule.infeasible).toEqual([
      { ownershipId: "a", units: 2, region: "kanto", reason: "capacity" },
    ]);
  });

  it("splits an owner over days only when keeping it whole would leave boxes behind", () => {
    // Capacity 3 on two days: 2 + 2 + 2 boxes all ship, one owner in two shipments.
    const schedule = scheduled(
      baseInput([alloc("a", 8, "kanto"), alloc("b", 8, "kanto"), alloc("c", 8, "kanto")], {
        capacityBoxesPerDay: 3,
        deliveryWindow: { from: day(0), to: day(1) },
      }),
    );
    expect(schedule.infeasible).toEqual([]);
    const split = ["a", "b", "c"].filter((id) => shipmentsOf(schedule, id).length > 1);
    expect(split).toHaveLength(1);
    const parts = shipmentsOf(schedule, split[0] as string);
    expect(parts.map((s) => s.units)).toEqual([4, 4]);
    expect(parts.map((s) => s.shipOn)).toEqual([day(0), day(1)]);
  });

  it("ignores allocations of zero units", () => {
    const schedule = scheduled(baseInput([alloc("a", 0, "kanto")]));
    expect(schedule).toEqual({ shipments: [], capacityUsed: {}, infeasible: [] });
  });
});
