import { describe, expect, it } from "vitest";
import { expectProblem } from "../testing/expect-problem.ts";
import {
  closedPlanWithOwners,
  HARVEST,
  makeHarness,
  openPlan,
  reserve,
} from "../testing/harness.ts";

const ADMIN: [string, "admin"] = ["root", "admin"];
const DAY = 86_400_000;

describe("POST /admin/batches/{name}", () => {
  it("close-sales closes plans whose sales window ended and reports the run", async () => {
    const h = makeHarness();
    const planId = await openPlan(h);
    h.clock.advance(31 * DAY);
    const run = await h.call("POST", "/admin/batches/close-sales", { as: ADMIN });
    expect(run.body).toMatchObject({
      batch: "close-sales",
      scope: "all",
      outcome: "finished",
      resumed: false,
      counts: { plansClosed: 1 },
      problems: [],
      startedAt: h.clock.now(),
    });
    expect((await h.call("GET", `/plans/${planId}`)).body.status).toBe("closed");
  });

  it("expire-offers withdraws expired offers and frees their shares", async () => {
    const h = makeHarness();
    const planId = await openPlan(h, "producer-a", { totalShares: 1, maxSharesPerOwner: 1 });
    const taken = (await reserve(h, planId, "o1", 1)).body;
    await h.call("POST", `/plans/${planId}/waitlist`, { body: { shares: 1 }, as: ["o2", "owner"] });
    await h.call("DELETE", `/ownerships/${taken.id}`, { as: ["o1", "owner"] });
    expect((await h.call("GET", `/plans/${planId}`)).body.sharesRemaining).toBe(0);
    h.clock.advance(2 * DAY);
    const run = await h.call("POST", "/admin/batches/expire-offers", { as: ADMIN });
    expect(run.body.counts).toMatchObject({ offersWithdrawn: 1, offersMade: 0 });
    expect((await h.call("GET", `/plans/${planId}`)).body.sharesRemaining).toBe(1);
  });

  it("allocate-harvests and schedule-shipments sweep plans with work (or one plan); flush-notifications delivers", async () => {
    const h = makeHarness();
    const { planId } = await closedPlanWithOwners(h, { o1: 1 });
    const idle = await closedPlanWithOwners(h, { o2: 1 }, "producer-b");
    await h.call("POST", `/plans/${planId}/harvests`, {
      body: HARVEST,
      as: ["producer-a", "producer"],
    });
    const allocation = await h.call("POST", "/admin/batches/allocate-harvests", { as: ADMIN });
    // The plan without a lot has nothing to do: it is skipped, not failed (the allocated plan is
    // met again among the allocated ones, with nothing left to do either).
    expect(allocation.body).toMatchObject({
      outcome: "finished",
      counts: { plansAllocated: 1, lotsAllocated: 1 },
      problems: [],
    });
    expect(allocation.body.counts.plansSkipped).toBeGreaterThanOrEqual(1);
    expect((await h.call("GET", `/plans/${planId}`)).body.status).toBe("allocated");
    expectProblem(
      await h.call("POST", "/admin/batches/allocate-harvests", {
        body: { planId: idle.planId },
        as: ADMIN,
      }),
      409,
      "HARVEST.NOT_ALLOCATABLE",
    );
    const shipping = await h.call("POST", "/admin/batches/schedule-shipments", {
      body: { planId },
      as: ADMIN,
    });
    expect(shipping.body).toMatchObject({ scope: planId, outcome: "finished" });
    const flushed = await h.call("POST", "/admin/batches/flush-notifications", { as: ADMIN });
    expect(flushed.body.counts.delivered).toBeGreaterThan(0);
    expect(h.ports.notifier.delivered().length).toBe(flushed.body.counts.delivered);
  });

  it("is for admins only and knows its batches", async () => {
    const h = makeHarness();
    expectProblem(await h.call("POST", "/admin/batches/close-sales"), 401, "AUTH.UNAUTHENTICATED");
    expectProblem(
      await h.call("POST", "/admin/batches/close-sales", { as: ["producer-a", "producer"] }),
      403,
      "AUTH.FORBIDDEN",
    );
    expectProblem(
      await h.call("POST", "/admin/batches/reticulate", { as: ADMIN }),
      404,
      "BATCH.UNKNOWN",
    );
    expectProblem(
      await h.call("POST", "/admin/batches/close-sales", { body: { chunkSize: 0 }, as: ADMIN }),
      400,
      "VALIDATION.INVALID",
    );
  });
});
