import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { lotId, ownershipId } from "../shared/ids.ts";
import { type LocalDate, localDate } from "../shared/time.ts";
import { type ShippingScheduleInput, validateShippingInput } from "./input.ts";
import { scheduleShipments } from "./schedule.ts";
import { DEFAULT_TRANSIT_DAYS_JAPAN } from "./transit.ts";

const allocation = {
  ownershipId: ownershipId("o-1"),
  units: 12,
  shippingRegion: "kanto",
  address: { line: "x" },
};
const valid: ShippingScheduleInput<{ line: string }> = {
  lot: {
    id: lotId("lot-1"),
    readyOn: localDate("2026-07-01"),
    bestBefore: localDate("2026-07-10"),
  },
  deliveryWindow: { from: localDate("2026-07-01"), to: localDate("2026-07-31") },
  capacityBoxesPerDay: 10,
  unitsPerBox: 6,
  transitDays: DEFAULT_TRANSIT_DAYS_JAPAN,
  capacityAlreadyUsed: { "2026-07-01": 3 },
  allocations: [
    { ownershipId: ownershipId("o-1"), units: 12, shippingRegion: "kanto", address: { line: "x" } },
  ],
};
const asDate = (value: string) => value as LocalDate;

const invalidCases: [string, Partial<ShippingScheduleInput<{ line: string }>>, string][] = [
  ["a malformed ready date", { lot: { ...valid.lot, readyOn: asDate("2026-7-1") } }, "lot.readyOn"],
  [
    "an impossible best-before",
    { lot: { ...valid.lot, bestBefore: asDate("2026-02-30") } },
    "lot.bestBefore",
  ],
  [
    "best-before before ready",
    { lot: { ...valid.lot, bestBefore: asDate("2026-06-30") } },
    "lot.bestBefore",
  ],
  [
    "a window ending before it starts",
    { deliveryWindow: { from: asDate("2026-07-05"), to: asDate("2026-07-04") } },
    "deliveryWindow",
  ],
  [
    "a malformed window",
    { deliveryWindow: { from: asDate("July"), to: asDate("2026-07-04") } },
    "deliveryWindow",
  ],
  [
    "a window of years",
    { deliveryWindow: { from: asDate("2026-07-01"), to: asDate("2028-07-01") } },
    "deliveryWindow",
  ],
  ["zero capacity", { capacityBoxesPerDay: 0 }, "capacityBoxesPerDay"],
  ["fractional capacity", { capacityBoxesPerDay: 1.5 }, "capacityBoxesPerDay"],
  ["zero units per box", { unitsPerBox: 0 }, "unitsPerBox"],
  ["fractional units per box", { unitsPerBox: 2.5 }, "unitsPerBox"],
  ["negative transit days", { transitDays: { kanto: -1 } }, "transitDays"],
  ["fractional transit days", { transitDays: { kanto: 0.5 } }, "transitDays"],
  [
    "a used-capacity key that is not a date",
    { capacityAlreadyUsed: { tomorrow: 1 } },
    "capacityAlreadyUsed",
  ],
  ["negative used capacity", { capacityAlreadyUsed: { "2026-07-02": -1 } }, "capacityAlreadyUsed"],
  ["negative units", { allocations: [{ ...allocation, units: -1 }] }, "allocations.units"],
  ["fractional units", { allocations: [{ ...allocation, units: 1.5 }] }, "allocations.units"],
  [
    "an empty ownership id",
    { allocations: [{ ...allocation, ownershipId: ownershipId("") }] },
    "allocations.ownershipId",
  ],
  [
    "the same ownership twice",
    { allocations: [allocation, allocation] },
    "allocations.ownershipId",
  ],
];

describe("validateShippingInput", () => {
  it("accepts a well-formed input unchanged", () => {
    expect(validateShippingInput(valid)).toEqual(E.right(valid));
  });

  it.each(invalidCases)("rejects %s with SHIPPING.INVALID", (_, override, field) => {
    const input = { ...valid, ...override };
    for (const result of [validateShippingInput(input), scheduleShipments(input)]) {
      expect(E.isLeft(result)).toBe(true);
      if (E.isLeft(result)) {
        expect(result.left._tag).toBe("SHIPPING.INVALID");
        expect(result.left.details).toEqual({ field });
      }
    }
  });

  it("accepts used capacity above today's capacity (it may have been lowered since)", () => {
    expect(
      E.isRight(validateShippingInput({ ...valid, capacityAlreadyUsed: { "2026-07-01": 99 } })),
    ).toBe(true);
  });
});
