import { fanOutNotices, SYSTEM_ACTOR } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { expectProblem, fieldsOf } from "../testing/expect-problem.ts";
import { makeHarness, openPlan, reserve } from "../testing/harness.ts";

const PRODUCER: [string, "producer"] = ["producer-a", "producer"];
const REASON = "A typhoon flattened the orchard in August.";

describe("POST /plans/{id}/cancel", () => {
  it("needs a reason of 1 to 500 characters, and cancels nothing without one", async () => {
    const h = makeHarness();
    const id = await openPlan(h);
    await reserve(h, id, "o1", 1);
    expectProblem(
      await h.call("POST", `/plans/${id}/cancel`, { as: PRODUCER }),
      400,
      "VALIDATION.INVALID",
    );
    for (const reason of ["", "x".repeat(501)]) {
      const answer = await h.call("POST", `/plans/${id}/cancel`, {
        body: { reason },
        as: PRODUCER,
      });
      expectProblem(answer, 400, "VALIDATION.INVALID");
      expect(fieldsOf(answer)).toEqual(["json.reason"]);
    }
    expect((await h.call("GET", `/plans/${id}`)).body).toMatchObject({
      status: "open",
      sharesSold: 1,
    });
  });

  it("tells the owners why, and a repeat answers 200 with the cancelled plan", async () => {
    const h = makeHarness();
    const id = await openPlan(h);
    await reserve(h, id, "o1", 1);
    await reserve(h, id, "o2", 2);
    const first = await h.call("POST", `/plans/${id}/cancel`, {
      body: { reason: REASON },
      as: PRODUCER,
    });
    // The refunds follow in the refund-cancelled-plans batch.
    expect(first.body).toMatchObject({ plan: { status: "cancelled" }, refundedOwnerships: 0 });
    const refunds = await h.call("POST", "/admin/batches/refund-cancelled-plans", {
      as: ["root", "admin"],
      body: { planId: id },
    });
    expect(refunds.body).toMatchObject({ outcome: "finished", counts: { ownershipsReleased: 2 } });
    const money = await h.call("GET", `/plans/${id}/money`, { as: PRODUCER });
    expect(money.body).toMatchObject({ sharesToRelease: 0, refunds: { pending: 0 } });
    expect(money.body.refundedYen).toBe(money.body.chargedYen);
    // The cancellation wrote one fan-out trigger: expanded after the refunds, it still finds
    // both owners (released by the cancellation itself), with what they get back.
    await fanOutNotices(h.ports)(SYSTEM_ACTOR)();
    const pending = await h.ports.outbox.listPending(100)();
    const cancelled = (E.isRight(pending) ? pending.right : []).filter(
      (m) => m.kind === "plan-cancelled",
    );
    expect(cancelled.map((m) => m.recipientId).sort()).toEqual(["o1", "o2"]);
    for (const notice of cancelled) expect(notice.body).toContain(REASON);
    expect(cancelled.map((m) => m.params?.refundYen)).not.toContain(0);

    const again = await h.call("POST", `/plans/${id}/cancel`, {
      body: { reason: REASON },
      as: PRODUCER,
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      plan: { id, status: "cancelled", version: first.body.plan.version },
      refundedOwnerships: 0,
    });
  });
});

describe("POST /plans/{id}/close", () => {
  it("answers 200 with the closed plan when it is already closed", async () => {
    const h = makeHarness();
    const id = await openPlan(h);
    const first = await h.call("POST", `/plans/${id}/close`, { as: PRODUCER });
    const again = await h.call("POST", `/plans/${id}/close`, { as: PRODUCER });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id, status: "closed", version: first.body.version });
  });
});
