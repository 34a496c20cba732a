import { ledgerEntryId, planId as toPlanId, type Yen } from "@owners/domain";
import { describe, expect, it } from "vitest";
import { expectProblem } from "../testing/expect-problem.ts";
import { type Harness, makeHarness, openPlan, reserve } from "../testing/harness.ts";

const ADMIN: [string, "admin"] = ["root", "admin"];
const PRODUCER: [string, "producer"] = ["producer-a", "producer"];

/** A reservation, paid when reservations are payment-first (the dev completion route). */
const paidReservation = async (h: Harness, planId: string, owner: string, shares: number) => {
  const reserved = await reserve(h, planId, owner, shares);
  expect(reserved.status).toBe(201);
  if (reserved.body.status === "pending_payment")
    await h.call("POST", `/dev/payments/${reserved.body.payment.id}/complete`, {
      body: { outcome: "succeeded" },
      as: [owner, "owner"],
    });
  return reserved.body;
};

describe("GET /plans/{id}/money", () => {
  it("shows its producer and admins the plan's money, adding up to the yen", async () => {
    const h = makeHarness();
    const planId = await openPlan(h);
    await paidReservation(h, planId, "o1", 2);
    const cancelled = await paidReservation(h, planId, "o2", 1);
    await h.call("DELETE", `/ownerships/${cancelled.id}`, { as: ["o2", "owner"] });
    for (const as of [PRODUCER, ADMIN]) {
      const money = await h.call("GET", `/plans/${planId}/money`, { as });
      expect(money.status).toBe(200);
      expect(money.body).toMatchObject({
        chargedYen: 3 * 6800,
        refundedYen: 6800,
        creditIssuedYen: 0,
        creditSpentYen: 0,
        pendingYen: 0,
      });
      const { chargedYen, refundedYen, payoutYen, feesYen } = money.body;
      expect(chargedYen - refundedYen).toBe(payoutYen + feesYen);
      expect(feesYen).toBeGreaterThan(0);
    }
    // Under /api as well, as every route.
    expect((await h.call("GET", `/api/plans/${planId}/money`, { as: PRODUCER })).status).toBe(200);
  });

  it("refuses owners, other producers and anonymous callers; an unknown plan is 404", async () => {
    const h = makeHarness();
    const planId = await openPlan(h);
    await paidReservation(h, planId, "o1", 1);
    expectProblem(
      await h.call("GET", `/plans/${planId}/money`, { as: ["o1", "owner"] }),
      403,
      "AUTH.FORBIDDEN",
    );
    expect(
      (await h.call("GET", `/plans/${planId}/money`, { as: ["producer-b", "producer"] })).status,
    ).toBe(403);
    expect((await h.call("GET", `/plans/${planId}/money`)).status).toBe(401);
    expect((await h.call("GET", "/plans/plan_nope/money", { as: PRODUCER })).status).toBe(404);
  });
});

describe("GET /admin/reconciliation", () => {
  it("lists the plans whose ledger and processor disagree, for admins only", async () => {
    const h = makeHarness();
    const planId = await openPlan(h);
    await paidReservation(h, planId, "o1", 1);
    // Money the ledger has and the processor never moved.
    await h.ports.ledger.append(
      [
        {
          id: ledgerEntryId("led_stray"),
          planId: toPlanId(planId),
          kind: "charge",
          amountYen: 100 as Yen,
          reason: "reservation",
          at: h.clock.now(),
          actor: "test",
        },
        {
          id: ledgerEntryId("led_stray_payout"),
          planId: toPlanId(planId),
          kind: "payout",
          amountYen: 100 as Yen,
          reason: "reservation",
          at: h.clock.now(),
          actor: "test",
        },
      ],
      [],
    )();
    expect((await h.call("GET", "/admin/reconciliation", { as: ADMIN })).body).toEqual({
      mismatches: [],
    });
    const run = await h.call("POST", "/admin/batches/reconcile-payments", { as: ADMIN });
    expect(run.body).toMatchObject({ outcome: "finished", counts: { planMismatches: 1 } });
    const found = await h.call("GET", "/admin/reconciliation", { as: ADMIN });
    expect(found.body.mismatches).toEqual([
      expect.objectContaining({
        planId,
        ledger: expect.objectContaining({ chargedYen: expect.any(Number) }),
        processor: expect.objectContaining({ refundedYen: 0 }),
        detectedAt: h.clock.now(),
        lastCheckedAt: h.clock.now(),
      }),
    ]);
    expectProblem(
      await h.call("GET", "/admin/reconciliation", { as: ["o1", "owner"] }),
      403,
      "AUTH.FORBIDDEN",
    );
    expectProblem(
      await h.call("GET", "/admin/reconciliation", { as: PRODUCER }),
      403,
      "AUTH.FORBIDDEN",
    );
  });
});

describe("GET /plans/{id}/refund-progress", () => {
  it("shows what cancelling refunds, then how many owners the refund batch has refunded", async () => {
    const h = makeHarness();
    const planId = await openPlan(h);
    await paidReservation(h, planId, "o1", 2);
    await paidReservation(h, planId, "o2", 1);
    const before = await h.call("GET", `/plans/${planId}/refund-progress`, { as: PRODUCER });
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ owners: 2, refunded: 0, refundedYen: 0, pendingYen: 3 * 6800 });
    const cancelled = await h.call("POST", `/plans/${planId}/cancel`, {
      body: { reason: "A typhoon flattened the orchard." },
      as: PRODUCER,
    });
    expect(cancelled.status).toBe(200);
    expect(
      (await h.call("POST", "/admin/batches/refund-cancelled-plans", { as: ADMIN })).status,
    ).toBe(200);
    const after = await h.call("GET", `/plans/${planId}/refund-progress`, { as: ADMIN });
    expect(after.body).toEqual({ owners: 2, refunded: 2, refundedYen: 3 * 6800, pendingYen: 0 });
  });

  it("refuses owners and other producers; an unknown plan is 404", async () => {
    const h = makeHarness();
    const planId = await openPlan(h);
    expectProblem(
      await h.call("GET", `/plans/${planId}/refund-progress`, { as: ["o1", "owner"] }),
      403,
      "AUTH.FORBIDDEN",
    );
    expect(
      (await h.call("GET", `/plans/${planId}/refund-progress`, { as: ["producer-b", "producer"] }))
        .status,
    ).toBe(403);
    expect((await h.call("GET", "/plans/plan_nope/refund-progress", { as: PRODUCER })).status).toBe(
      404,
    );
  });
});
