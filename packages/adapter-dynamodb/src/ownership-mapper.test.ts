import { sampleOwnership, samplePlan } from "@owners/app/testing";
import { instant, producerId, type Yen, yen } from "@owners/domain";
import { describe, expect, it } from "vitest";
import { ownershipFromItem, ownershipToItem, producerOfOwnershipItem } from "./ownership-mapper.ts";
import { throughDynamo } from "./testing/stored.ts";

describe("ownership mapper", () => {
  const plan = samplePlan(
    {},
    {
      pricing: {
        basePriceYen: 5000,
        tiers: [{ kind: "firstShares", count: 1, priceYen: 4000 }],
        shippingSurchargeYen: { kanto: 800 },
      },
    },
  );

  it("round-trips an active ownership with a multi-line quote, and keeps its producer", () => {
    const ownership = sampleOwnership({ plan, owner: "owner_1", shares: 3 });
    expect(ownership.quote.lines.length).toBe(2);
    const item = throughDynamo(ownershipToItem(ownership, producerId("producer_x")));
    expect(ownershipFromItem(item)).toEqual(ownership);
    expect(producerOfOwnershipItem(item)).toBe("producer_x");
  });

  it("round-trips the store credit an ownership spent and its payment", () => {
    const ownership = {
      ...sampleOwnership({ plan, owner: "owner_3", shares: 1 }),
      creditAppliedYen: yen(1200),
      payment: {
        id: "cs_1",
        status: "succeeded" as const,
        expiresAt: instant("2026-06-10T01:00:00.000Z"),
        paymentIntentId: "pi_1",
        amountYen: yen(4600),
      },
    };
    expect(ownershipFromItem(throughDynamo(ownershipToItem(ownership, plan.producerId)))).toEqual(
      ownership,
    );
  });

  it("round-trips a cancelled ownership with its cancellation instant", () => {
    const ownership = {
      ...sampleOwnership({ plan, owner: "owner_2", shares: 1 }),
      status: "cancelled" as const,
      cancelledAt: instant("2026-06-12T00:00:00.000Z"),
      version: 2,
    };
    expect(ownershipFromItem(throughDynamo(ownershipToItem(ownership, plan.producerId)))).toEqual(
      ownership,
    );
  });

  it("round-trips a paid, disputed ownership with its payment, hold and credit", () => {
    const ownership = {
      ...sampleOwnership({ plan, owner: "owner_3", shares: 2 }),
      holdExpiresAt: instant("2026-06-12T00:30:00.000Z"),
      creditAppliedYen: 500 as Yen,
      payment: {
        id: "cs_1",
        status: "succeeded" as const,
        expiresAt: instant("2026-06-12T00:30:00.000Z"),
        paymentIntentId: "pi_1",
        amountYen: 9_300 as Yen,
      },
      disputed: true,
      version: 3,
    };
    expect(ownershipFromItem(throughDynamo(ownershipToItem(ownership, plan.producerId)))).toEqual(
      ownership,
    );
  });
});
