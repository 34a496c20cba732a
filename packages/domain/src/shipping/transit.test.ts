import { describe, expect, it } from "vitest";
import { DEFAULT_TRANSIT_DAYS_JAPAN, transitDaysTo } from "./transit.ts";

describe("transit days", () => {
  it("covers the regions of Japan with 1 to 3 days", () => {
    const regions = Object.keys(DEFAULT_TRANSIT_DAYS_JAPAN).sort();
    expect(regions).toEqual(
      [
        "chubu",
        "chugoku",
        "hokkaido",
        "kanto",
        "kinki",
        "kyushu",
        "okinawa",
        "shikoku",
        "tohoku",
      ].sort(),
    );
    for (const days of Object.values(DEFAULT_TRANSIT_DAYS_JAPAN)) {
      expect(days).toBeGreaterThanOrEqual(1);
      expect(days).toBeLessThanOrEqual(3);
    }
  });

  it("looks up known regions and only own properties", () => {
    expect(transitDaysTo(DEFAULT_TRANSIT_DAYS_JAPAN, "okinawa")).toBe(3);
    expect(transitDaysTo(DEFAULT_TRANSIT_DAYS_JAPAN, "kanto")).toBe(1);
    expect(transitDaysTo(DEFAULT_TRANSIT_DAYS_JAPAN, "Kanto")).toBeUndefined();
    expect(transitDaysTo(DEFAULT_TRANSIT_DAYS_JAPAN, "toString")).toBeUndefined();
    expect(transitDaysTo(DEFAULT_TRANSIT_DAYS_JAPAN, "constructor")).toBeUndefined();
  });
});
