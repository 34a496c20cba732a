import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { TEMPERATURES } from "./delivery-options.ts";
import {
  DEFAULT_SURCHARGE_YEN_PER_BOX,
  defaultPlanLogistics,
  type LogisticsInput,
  MAX_TRANSIT_DAYS,
  planLogistics,
  validateLogistics,
} from "./logistics.ts";
import { JAPAN_PREFECTURES } from "./prefectures.ts";
import { DEFAULT_TRANSIT_DAYS_JAPAN } from "./transit.ts";

const REGIONS = Object.keys(DEFAULT_TRANSIT_DAYS_JAPAN);

const valid: LogisticsInput = {
  shipFromPrefecture: "長野県",
  boxesPerDay: 30,
  temperature: "chilled",
  slotsAllowed: true,
};

const fields = (input: LogisticsInput): string[] => {
  const result = validateLogistics(input);
  if (E.isRight(result)) return [];
  return ((result.left.details?.fields ?? []) as { field: string }[]).map((f) => f.field);
};

describe("plan logistics", () => {
  it("defaults to Japan's transit table and the carrier's surcharge for the temperature", () => {
    const result = validateLogistics(valid);
    expect(result).toEqual(
      E.right({
        boxesPerDay: 30,
        logistics: {
          shipFromPrefecture: "長野県",
          transitDays: DEFAULT_TRANSIT_DAYS_JAPAN,
          temperature: "chilled",
          surchargeYenPerBox: DEFAULT_SURCHARGE_YEN_PER_BOX.chilled,
          slotsAllowed: true,
        },
      }),
    );
    expect(DEFAULT_SURCHARGE_YEN_PER_BOX.ambient).toBe(0);
  });

  it("reports every bad field by name", () => {
    expect(
      fields({
        shipFromPrefecture: "Nagano",
        boxesPerDay: 0,
        transitDays: { kanto: -1, mars: 3 },
        temperature: "warm",
        surchargeYenPerBox: 1.5,
        slotsAllowed: "yes",
        sender: {
          name: "",
          phone: "x",
          postalCode: "1234567",
          address: "a",
          billingCustomerCode: "1",
          freightManagementNumber: "1",
        },
      }).sort(),
    ).toEqual(
      [
        "shipFromPrefecture",
        "boxesPerDay",
        "transitDays.kanto",
        "transitDays.mars",
        "temperature",
        "surchargeYenPerBox",
        "slotsAllowed",
        "sender.name",
        "sender.phone",
        "sender.postalCode",
        "sender.billingCustomerCode",
        "sender.freightManagementNumber",
      ].sort(),
    );
    expect(fields({ ...valid, transitDays: {} })).toEqual(["transitDays"]);
    // "toString" is not a region even though every object has one.
    expect(fields({ ...valid, transitDays: { toString: 1 } })).toEqual(["transitDays.toString"]);
  });

  it("accepts every well-formed input and keeps exactly what was given", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...JAPAN_PREFECTURES),
        fc.integer({ min: 1, max: 10_000 }),
        fc.dictionary(fc.constantFrom(...REGIONS), fc.integer({ min: 0, max: MAX_TRANSIT_DAYS }), {
          minKeys: 1,
        }),
        fc.constantFrom(...TEMPERATURES),
        fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
        fc.boolean(),
        (shipFromPrefecture, boxesPerDay, transitDays, temperature, surcharge, slotsAllowed) => {
          const result = validateLogistics({
            shipFromPrefecture,
            boxesPerDay,
            transitDays,
            temperature,
            ...(surcharge === undefined ? {} : { surchargeYenPerBox: surcharge }),
            slotsAllowed,
          });
          // Ambient boxes go without クール便: any surcharge but 0 would never be charged.
          if (temperature === "ambient" && surcharge !== undefined && surcharge !== 0) {
            expect(E.isLeft(result) && result.left.details?.fields).toEqual([
              expect.objectContaining({ field: "surchargeYenPerBox" }),
            ]);
            return;
          }
          expect(E.isRight(result)).toBe(true);
          if (E.isLeft(result)) return;
          expect(result.right.boxesPerDay).toBe(boxesPerDay);
          expect(result.right.logistics.transitDays).toEqual(transitDays);
          expect(result.right.logistics.surchargeYenPerBox).toBe(
            surcharge ?? DEFAULT_SURCHARGE_YEN_PER_BOX[temperature],
          );
        },
      ),
    );
  });

  it("rejects any transit table with an impossible number of days", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...REGIONS),
          fc.integer({ min: MAX_TRANSIT_DAYS + 1, max: 1000 }),
          { minKeys: 1 },
        ),
        (transitDays) => {
          expect(E.isLeft(validateLogistics({ ...valid, transitDays }))).toBe(true);
        },
      ),
    );
  });

  it("a plan without logistics ships as before: ambient, Japan's table, no slots", () => {
    const fallback = planLogistics({ region: "長野県" });
    expect(fallback).toEqual(defaultPlanLogistics({ region: "長野県" }));
    expect(fallback.temperature).toBe("ambient");
    expect(fallback.transitDays).toBe(DEFAULT_TRANSIT_DAYS_JAPAN);
    expect(fallback.slotsAllowed).toBe(false);
    expect(fallback.surchargeYenPerBox).toBe(0);
  });
});
