import { samplePlan } from "@owners/app/testing";
import { instant, planId, yen } from "@owners/domain";
import { describe, expect, it } from "vitest";
import { planFromItem, planToItem } from "./plan-mapper.ts";
import { throughDynamo } from "./testing/stored.ts";

describe("plan mapper", () => {
  it("round-trips a plan with every optional field, through DynamoDB's encoding", () => {
    const plan = samplePlan(
      {
        id: planId("plan_full"),
        sharesSold: 7,
        sharesOffered: 2,
        version: 4,
        harvestCompletedAt: instant("2026-08-20T00:00:00.000Z"),
        shortfallSettledAt: instant("2026-08-20T00:00:01.000Z"),
        logistics: {
          shipFromPrefecture: "長野県",
          transitDays: { kanto: 1, okinawa: 3 },
          temperature: "chilled",
          surchargeYenPerBox: yen(275),
          slotsAllowed: true,
          sender: {
            name: "山田農園",
            phone: "0263-12-3456",
            postalCode: "390-0001",
            address: "長野県松本市里山辺1234",
            billingCustomerCode: "026312345601",
            freightManagementNumber: "01",
          },
        },
      },
      {
        salesWindow: {
          opensAt: "2026-06-01T00:00:00.000Z",
          closesAt: "2026-07-01T00:00:00.000Z",
          returningOwnersOpenAt: "2026-05-25T00:00:00.000Z",
        },
        pricing: {
          basePriceYen: 5000,
          tiers: [
            { kind: "earlyBird", until: "2026-06-05T00:00:00.000Z", priceYen: 4500 },
            { kind: "firstShares", count: 10, priceYen: 4000 },
          ],
          shippingSurchargeYen: { kanto: 800, okinawa: 2000 },
        },
        photoKeys: ["a.jpg", "b.jpg"],
      },
    );
    expect(planFromItem(throughDynamo(planToItem(plan)))).toEqual(plan);
  });

  it("round-trips a minimal draft plan (no early access, no tiers, no photos)", () => {
    const plan = samplePlan(
      { status: "draft", updatedAt: instant("2026-05-02T00:00:00.000Z") },
      { photoKeys: [] },
    );
    const back = planFromItem(throughDynamo(planToItem(plan)));
    expect(back).toEqual(plan);
    expect("returningOwnersOpenAt" in back.salesWindow).toBe(false);
    expect("harvestCompletedAt" in back).toBe(false);
  });

  it("stores sold + offered as sharesTaken, the attribute the sold-out condition compares", () => {
    const item = planToItem(samplePlan({ sharesSold: 5, sharesOffered: 3 }));
    expect(item).toMatchObject({ sharesSold: 5, sharesTaken: 8, PK: "PLAN#plan_figs", SK: "PLAN" });
    expect(item).not.toHaveProperty("sharesOffered");
  });
});
