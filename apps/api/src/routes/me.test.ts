import { describe, expect, it } from "vitest";
import { expectProblem } from "../testing/expect-problem.ts";
import { makeHarness, openPlan, processorTotals, reserve } from "../testing/harness.ts";

describe("GET /producers/me/summary", () => {
  it("gives the producer its own figures from live data, netting a cancellation", async () => {
    const h = makeHarness();
    const figs = await openPlan(h, "producer-a");
    const apples = await openPlan(h, "producer-a");
    await reserve(h, figs, "o1", 2);
    await reserve(h, apples, "o1", 1);
    const cancelled = (await reserve(h, figs, "o2", 1)).body;
    await h.call("DELETE", `/ownerships/${cancelled.id}`, { as: ["o2", "owner"] });

    const { status, body } = await h.call("GET", "/producers/me/summary", {
      as: ["producer-a", "producer"],
    });
    expect(status).toBe(200);
    const totals = processorTotals(h);
    expect(body).toMatchObject({
      sharesSold: 3,
      owners: 1,
      repeatOwners: 1,
      repeatOwnerRate: 1,
      revenueYen: totals.chargedYen - totals.refundedYen,
      refundsYen: cancelled.totalYen,
    });
    expect(body.revenueYen).toBe(body.payoutYen + body.feesYen);
    expect(body.plans).toHaveLength(2);
    expect(body.sharesSoldByDay.reduce((t: number, d: { shares: number }) => t + d.shares, 0)).toBe(
      3,
    );

    // /api is the same API; another producer has nothing of producer-a's.
    const other = await h.call("GET", "/api/producers/me/summary", {
      as: ["producer-b", "producer"],
    });
    expect(other.body).toMatchObject({ sharesSold: 0, owners: 0, revenueYen: 0, plans: [] });
  });

  it("is for producers only", async () => {
    const h = makeHarness();
    expectProblem(await h.call("GET", "/producers/me/summary"), 401, "AUTH.UNAUTHENTICATED");
    expectProblem(
      await h.call("GET", "/producers/me/summary", { as: ["o1", "owner"] }),
      403,
      "AUTH.FORBIDDEN",
    );
  });
});
