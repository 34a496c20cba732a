import { describe, expect, it } from "vitest";
import { defaultShippingRegion, type ShippingRegionsOf } from "./default-shipping-region.ts";

const plan = (region: string, shippingSurchargeYen: Record<string, number>): ShippingRegionsOf => ({
  region,
  pricing: { shippingSurchargeYen },
});

describe("defaultShippingRegion", () => {
  it("is the plan's own region when the plan ships there", () => {
    expect(defaultShippingRegion(plan("kinki", { kanto: 100, kinki: 500 }))).toBe("kinki");
  });

  it("is the cheapest region shipped to otherwise, ties by name, whatever the key order", () => {
    expect(defaultShippingRegion(plan("kyoto", { kanto: 500, tohoku: 300, kyushu: 300 }))).toBe(
      "kyushu",
    );
    expect(defaultShippingRegion(plan("kyoto", { tohoku: 300, kyushu: 300, kanto: 500 }))).toBe(
      "kyushu",
    );
  });

  it("never names a region the plan does not ship to", () => {
    const surcharges = { okinawa: 900, hokkaido: 700 };
    expect(Object.keys(surcharges)).toContain(defaultShippingRegion(plan("Wakayama", surcharges)));
    // "toString" is no shipping region, even though every object answers to it.
    expect(defaultShippingRegion(plan("toString", surcharges))).toBe("hokkaido");
  });
});
