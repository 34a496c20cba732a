import { planId as toPlanId } from "@owners/domain";
import { describe, expect, it } from "vitest";
import {
  makeHarness,
  openPlan,
  processorTotals,
  reserve,
  TOKYO_ADDRESS,
} from "../testing/harness.ts";

const PRODUCER: [string, "producer"] = ["producer-a", "producer"];

const CHILLED = {
  shipFromPrefecture: "長野県",
  boxesPerDay: 10,
  transitDays: { kanto: 1, kinki: 2 },
  temperature: "chilled",
  surchargeYenPerBox: 300,
  slotsAllowed: false,
};

describe("a chilled plan's クール便 surcharge", () => {
  it("is quoted as its own line and charged with the reservation (ledger and processor)", async () => {
    const h = makeHarness();
    const planId = await openPlan(h);
    const set = await h.call("PUT", `/plans/${planId}/logistics`, { body: CHILLED, as: PRODUCER });
    expect(set.status).toBe(200);

    const quoted = await h.call("GET", `/plans/${planId}/quote?shares=2&shippingRegion=kanto`);
    expect(quoted.status).toBe(200);
    const surcharge = { temperature: "chilled", boxes: 2, yenPerBox: 300, yen: 600 };
    expect(quoted.body.temperatureSurcharge).toEqual(surcharge);
    expect(quoted.body.totalYen).toBe(quoted.body.sharesYen + quoted.body.shippingYen + 600);

    await h.call("PUT", "/me/address", {
      body: { address: TOKYO_ADDRESS, region: "kanto" },
      as: ["o1", "owner"],
    });
    const reserved = await reserve(h, planId, "o1", 2);
    expect(reserved.status).toBe(201);
    expect(reserved.body).toMatchObject({
      status: "active",
      temperatureSurcharge: surcharge,
      totalYen: quoted.body.totalYen,
    });
    // The owner was charged the surcharge, and the ledger's charge is fee + producer payout.
    expect(processorTotals(h).chargedYen).toBe(quoted.body.totalYen);
    const ledger = await h.ports.ledger.listByPlan(toPlanId(planId))();
    if (ledger._tag === "Left") throw new Error(JSON.stringify(ledger.left));
    const sum = (kind: string) =>
      ledger.right.filter((e) => e.kind === kind).reduce((s, e) => s + e.amountYen, 0);
    expect(sum("charge")).toBe(quoted.body.totalYen);
    expect(sum("fee") + sum("payout")).toBe(quoted.body.totalYen);
  });

  it("is not added for an ambient plan", async () => {
    const h = makeHarness();
    const planId = await openPlan(h);
    const quoted = await h.call("GET", `/plans/${planId}/quote?shares=2&shippingRegion=kanto`);
    expect(quoted.status).toBe(200);
    expect(quoted.body).not.toHaveProperty("temperatureSurcharge");
    expect(quoted.body.totalYen).toBe(quoted.body.sharesYen + quoted.body.shippingYen);
  });
});
