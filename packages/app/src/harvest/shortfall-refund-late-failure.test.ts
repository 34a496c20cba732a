import type { PlanId, Yen } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { allPages } from "../all-pages.ts";
import { onRefundUpdated } from "../payments/on-refund-updated.ts";
import { succeed } from "../testing/contracts/expect-task.ts";
import { makeHarvestWorld } from "../testing/harvest-world.ts";
import { shortRefundPlan } from "../testing/short-refund-plan.ts";
import { completeHarvest } from "./complete-harvest.ts";

/** Three owners of a short harvest (refund terms): each is owed a shortfall refund, paid at once. */
const setup = async () => {
  const world = makeHarvestWorld();
  const {
    plan,
    ownership: late,
    paymentIntentId,
    batch,
    refundsTo,
  } = await shortRefundPlan(world, "plan_late", "late");
  const failed = (
    refund: { readonly receiptId: string; readonly idempotencyKey: string; amountYen: Yen },
    named: { readonly planId?: PlanId; readonly refundKey?: string } = {},
  ) =>
    succeed(
      onRefundUpdated(world.deps)({
        eventId: `evt_${refund.receiptId}_failed`,
        createdAt: world.clock.now(),
        kind: "refund.updated",
        refundId: refund.receiptId,
        paymentIntentId,
        state: "failed",
        amountYen: refund.amountYen,
        planId: plan.id,
        ownershipId: late.id,
        refundKey: refund.idempotencyKey,
        ...named,
      }),
    );
  return { world, plan, late, batch, refundsTo, failed };
};

describe("a shortfall refund confirmed at once that the processor fails later", () => {
  it("is tracked by a failed intent, retried under a fresh key, repaid once", async () => {
    const { world, plan, late, batch, refundsTo } = await setup();
    await succeed(completeHarvest(world.deps)(world.producerOf(plan), { planId: plan.id }));
    const [first] = refundsTo();
    if (first === undefined) throw new Error("no refund paid");
    // Confirmed at once: nothing tracks it.
    expect(await succeed(world.deps.refundIntents.listByPlan(plan.id))).toEqual([]);

    // Weeks later Stripe reports it failed (some payment methods do): the money is back.
    const event = world.payments.failRefund(first.receiptId, world.clock.now());
    if (E.isLeft(event)) throw new Error(event.left.message);
    expect(event.right).toMatchObject({ refundKey: first.idempotencyKey, planId: plan.id });
    await succeed(onRefundUpdated(world.deps)(event.right));
    expect(await succeed(world.deps.refundIntents.listByPlan(plan.id))).toMatchObject([
      {
        id: first.idempotencyKey,
        reason: "shortfall-refund",
        ownershipId: late.id,
        amountYen: first.amountYen,
        refundId: first.receiptId,
        state: "failed",
        declines: 1,
      },
    ]);

    // Reconciliation repays it under a fresh key, once, and reports it.
    const retried = await batch("reconcile-payments");
    expect(retried.counts).toMatchObject({ refundsSucceeded: 1 });
    // Later runs find nothing more to repay.
    expect((await batch("reconcile-payments")).counts).toMatchObject({
      refundsSucceeded: 0,
      refundsFailed: 0,
    });
    await batch("allocate-harvests");
    expect(refundsTo()).toEqual([
      expect.objectContaining({
        idempotencyKey: `${first.idempotencyKey}:retry-1`,
        amountYen: first.amountYen,
      }),
    ]);
    expect(await succeed(world.deps.refundIntents.listByPlan(plan.id))).toMatchObject([
      { id: first.idempotencyKey, state: "succeeded" },
    ]);
    // Every owner got back what the ledger says, the late one included, once.
    const summaries = await succeed(
      allPages((page) => world.deps.allocations.listSummaries(plan.id, page)),
    );
    expect((await succeed(world.payments.planTotals(plan.id))).refundedYen).toBe(
      summaries.reduce((sum, s) => sum + s.refundYen, 0),
    );
  });

  it("trusts the ledger, not the event: a key naming no shortfall refund entry tracks nothing", async () => {
    const { world, plan, refundsTo, failed } = await setup();
    await succeed(completeHarvest(world.deps)(world.producerOf(plan), { planId: plan.id }));
    const [first] = refundsTo();
    if (first === undefined) throw new Error("no refund paid");
    await failed(first, { refundKey: "led_not_there" });
    await failed(first, { planId: "plan_other" as PlanId });
    await failed({ ...first, amountYen: (first.amountYen + 1) as Yen });
    // A refund of the plan's money that is not a shortfall refund: a reservation's charge entry.
    const entries = await succeed(world.deps.ledger.listByPlan(plan.id));
    const charge = entries.find((e) => e.kind === "charge");
    await failed(first, { refundKey: charge?.id ?? "" });
    expect(await succeed(world.deps.refundIntents.listByPlan(plan.id))).toEqual([]);
  });
});

describe("a late failure before the plan's money is settled", () => {
  it("unpays the refund and keeps the plan unsettled until the retry succeeds", async () => {
    const { world, plan, late, batch, refundsTo } = await setup();
    // Another owner's refund is declined: the plan is not settled, the batch runs again.
    world.payments.setDeclineRule((attempt) =>
      attempt.ownerId === "card_b" ? "the card was closed" : undefined,
    );
    const report = await succeed(
      completeHarvest(world.deps)(world.producerOf(plan), { planId: plan.id }),
    );
    expect(report).toMatchObject({ settled: false, refundFailures: 1 });
    const [first] = refundsTo();
    if (first === undefined) throw new Error("no refund paid");
    const summaryOf = async () => {
      const summaries = await succeed(
        allPages((page) => world.deps.allocations.listSummaries(plan.id, page)),
      );
      return summaries.find((s) => s.ownershipId === late.id);
    };
    expect((await summaryOf())?.paidRefundEntryIds).toEqual([first.idempotencyKey]);
    const stored = async () => {
      const found = await succeed(world.deps.plans.get(plan.id));
      if (found._tag === "None") throw new Error("no plan");
      return found.value;
    };

    const event = world.payments.failRefund(first.receiptId, world.clock.now());
    if (E.isLeft(event)) throw new Error(event.left.message);
    await succeed(onRefundUpdated(world.deps)(event.right));
    // The other owner's refund goes through now; the late one is no longer counted paid, and
    // the plan is not settled while it is out.
    world.payments.setDeclineRule(undefined);
    await batch("allocate-harvests");
    expect((await summaryOf())?.paidRefundEntryIds).toEqual([]);
    expect((await stored()).shortfallSettledAt).toBeUndefined();
    expect(refundsTo()).toEqual([]);

    // Reconciliation repays it once; the next run counts it paid and settles the plan.
    await batch("reconcile-payments");
    await batch("allocate-harvests");
    expect((await summaryOf())?.paidRefundEntryIds).toEqual([first.idempotencyKey]);
    expect((await stored()).shortfallSettledAt).toBeDefined();
    await batch("reconcile-payments");
    await batch("allocate-harvests");
    expect(refundsTo()).toEqual([
      expect.objectContaining({ idempotencyKey: `${first.idempotencyKey}:retry-1` }),
    ]);
  });
});
