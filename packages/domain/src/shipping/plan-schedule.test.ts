import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { yen } from "../money/money.ts";
import { lotId, ownershipId } from "../shared/ids.ts";
import { addDays, daysBetween, type LocalDate, localDate } from "../shared/time.ts";
import { DELIVERY_SLOTS, TEMPERATURES } from "./delivery-options.ts";
import type { PlanLogistics } from "./logistics.ts";
import { labelSlot, type PlanShippingSchedule, schedulePlanShipments } from "./plan-schedule.ts";
import { DEFAULT_TRANSIT_DAYS_JAPAN } from "./transit.ts";

const BASE = localDate("2026-08-01");
const day = (offset: number): LocalDate => addDays(BASE, offset);

const logistics = (overrides: Partial<PlanLogistics> = {}): PlanLogistics => ({
  shipFromPrefecture: "北海道",
  transitDays: { hokkaido: 1, kanto: 3 },
  temperature: "frozen",
  surchargeYenPerBox: yen(275),
  slotsAllowed: true,
  ...overrides,
});

const plan = (capacity: number, own?: PlanLogistics) => ({
  region: "北海道",
  shipCapacityPerDay: capacity,
  deliveryWindow: { from: day(0), to: day(9) },
  ...(own === undefined ? {} : { logistics: own }),
});

const allocation = (index: number, units: number, region: string) => ({
  ownershipId: ownershipId(`own-${index}`),
  units,
  shippingRegion: region,
  address: index,
});

const lot = { id: lotId("lot-1"), readyOn: day(0), bestBefore: day(9) };

const scheduled = <A>(
  result: ReturnType<typeof schedulePlanShipments<A>>,
): PlanShippingSchedule<A> => {
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

describe("the shipping schedule with per-plan capacity, transit and temperature", () => {
  it("ships within the plan's boxes per day, with its transit days, as its temperature", () => {
    const schedule = scheduled(
      schedulePlanShipments(plan(2, logistics()), {
        lot,
        unitsPerBox: 1,
        capacityAlreadyUsed: {},
        allocations: [allocation(0, 3, "kanto"), allocation(1, 2, "hokkaido")],
      }),
    );
    expect(schedule.temperature).toBe("frozen");
    expect(schedule.slotsAllowed).toBe(true);
    // The plan's own table: 3 days to Kanto, 1 to Hokkaido (Japan's default says 1 and 2).
    for (const s of schedule.shipments)
      expect(daysBetween(s.shipOn, s.arriveBy)).toBe(s.region === "kanto" ? 3 : 1);
    expect(Object.values(schedule.capacityUsed).every((boxes) => boxes <= 2)).toBe(true);
    expect(schedule.shipments.reduce((sum, s) => sum + s.boxes, 0)).toBe(5);
  });

  it("does not ship to a region the plan left out of its table, and says so", () => {
    const schedule = scheduled(
      schedulePlanShipments(plan(5, logistics()), {
        lot,
        unitsPerBox: 1,
        capacityAlreadyUsed: {},
        allocations: [allocation(0, 1, "okinawa")],
      }),
    );
    expect(schedule.shipments).toEqual([]);
    expect(schedule.infeasible).toEqual([
      { ownershipId: "own-0", units: 1, region: "okinawa", reason: "unknown-region" },
    ]);
  });

  it("a plan without logistics ships ambient on Japan's table (or the caller's), no slots", () => {
    const input = {
      lot,
      unitsPerBox: 1,
      capacityAlreadyUsed: {},
      allocations: [allocation(0, 1, "okinawa")],
    };
    const byDefault = scheduled(schedulePlanShipments(plan(5), input));
    expect(byDefault.temperature).toBe("ambient");
    expect(byDefault.slotsAllowed).toBe(false);
    const [only] = byDefault.shipments;
    expect(only && daysBetween(only.shipOn, only.arriveBy)).toBe(
      DEFAULT_TRANSIT_DAYS_JAPAN.okinawa,
    );
    const fallback = scheduled(schedulePlanShipments(plan(5), input, { okinawa: 5 }));
    const [slow] = fallback.shipments;
    expect(slow && daysBetween(slow.shipOn, slow.arriveBy)).toBe(5);
    expect(labelSlot(byDefault, "am")).toBeUndefined();
  });

  it("never exceeds the plan's capacity or its transit, whatever the plan sets (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(...TEMPERATURES),
        fc.boolean(),
        fc.constantFrom(...DELIVERY_SLOTS),
        fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 6 }),
        (capacity, transit, temperature, slotsAllowed, slot, units) => {
          const own = logistics({ transitDays: { kanto: transit }, temperature, slotsAllowed });
          const schedule = scheduled(
            schedulePlanShipments(plan(capacity, own), {
              lot,
              unitsPerBox: 2,
              capacityAlreadyUsed: {},
              allocations: units.map((u, index) => allocation(index, u, "kanto")),
            }),
          );
          expect(schedule.temperature).toBe(temperature);
          expect(labelSlot(schedule, slot)).toBe(slotsAllowed ? slot : undefined);
          for (const boxes of Object.values(schedule.capacityUsed))
            expect(boxes).toBeLessThanOrEqual(capacity);
          for (const s of schedule.shipments) {
            expect(daysBetween(s.shipOn, s.arriveBy)).toBe(transit);
            expect(s.arriveBy <= lot.bestBefore).toBe(true);
          }
        },
      ),
    );
  });
});
