import type { Yen } from "@owners/domain";
import * as TE from "fp-ts/lib/TaskEither.js";
import { describe, expect, it } from "vitest";
import { allPages } from "../all-pages.ts";
import { onRefundUpdated } from "../payments/on-refund-updated.ts";
import type { PaymentGateway, RefundRequest } from "../ports/payment-gateway.ts";
import { succeed } from "../testing/contracts/expect-task.ts";
import { makeHarvestWorld } from "../testing/harvest-world.ts";
import { shortRefundPlan } from "../testing/short-refund-plan.ts";
import { completeHarvest } from "./complete-harvest.ts";

/**
 * A processor that answers the refunds of one payment "pending" without moving money yet (a
 * konbini payment's refund waits for the owner's bank details), each under its own refund id;
 * every other refund goes through as usual.
 */
const pendingFor = (payments: PaymentGateway, paymentIntentId: string) => {
  const keys: string[] = [];
  const gateway: PaymentGateway = {
    ...payments,
    refundPayment: (request: RefundRequest) => {
      if (request.paymentIntentId !== paymentIntentId) return payments.refundPayment(request);
      keys.push(request.idempotencyKey);
      return TE.right({
        refundId: `re_konbini_${keys.length}`,
        state: "pending" as const,
        amountYen: request.amountYen,
      });
    },
  };
  return { gateway, keys };
};

const setup = async () => {
  const world = makeHarvestWorld();
  const {
    plan,
    ownership: konbini,
    paymentIntentId,
    batch,
    refundsTo,
  } = await shortRefundPlan(world, "plan_konbini", "konbini");
  const processor = pendingFor(world.payments, paymentIntentId);
  const summaryOf = async () => {
    const summaries = await succeed(
      allPages((page) => world.deps.allocations.listSummaries(plan.id, page)),
    );
    const summary = summaries.find((s) => s.ownershipId === konbini.id);
    if (summary === undefined) throw new Error("no summary");
    return summary;
  };
  const stored = async () => {
    const found = await succeed(world.deps.plans.get(plan.id));
    if (found._tag === "None") throw new Error("no plan");
    return found.value;
  };
  const refundUpdated = (refundId: string, state: "succeeded" | "failed", amountYen: number) =>
    succeed(
      onRefundUpdated(world.deps)({
        eventId: `evt_${refundId}_${state}`,
        createdAt: world.clock.now(),
        kind: "refund.updated",
        refundId,
        paymentIntentId,
        state,
        amountYen: amountYen as Yen,
      }),
    );
  return { world, plan, konbini, processor, batch, summaryOf, stored, refundsTo, refundUpdated };
};

describe("a shortfall refund the processor answers pending", () => {
  it("is tracked until confirmed: a later failure is recorded, retried under a new key, repaid once", async () => {
    const { world, plan, konbini, processor, batch, summaryOf, stored, refundsTo, refundUpdated } =
      await setup();
    const report = await succeed(
      completeHarvest({ ...world.deps, payments: processor.gateway })(world.producerOf(plan), {
        planId: plan.id,
      }),
    );
    const owed = (await summaryOf()).refundYen;
    expect(owed).toBeGreaterThan(0);
    const [entryId] = processor.keys;
    expect(processor.keys).toHaveLength(1);
    // Not confirmed: not paid, and the plan's money is not settled while it is out.
    expect(report).toMatchObject({ settled: false, refundsPaid: 2, refundFailures: 0 });
    expect((await summaryOf()).paidRefundEntryIds).toEqual([]);
    expect((await stored()).shortfallSettledAt).toBeUndefined();
    expect(await succeed(world.deps.refundIntents.listByPlan(plan.id))).toMatchObject([
      { id: entryId, ownershipId: konbini.id, state: "pending", amountYen: owed },
    ]);

    // Weeks later the owner never gave bank details: the refund fails.
    await refundUpdated("re_konbini_1", "failed", owed);
    expect(await succeed(world.deps.refundIntents.listByPlan(plan.id))).toMatchObject([
      { id: entryId, state: "failed", declines: 1 },
    ]);
    // A re-run of the allocation batch does not pay it again under the refused key.
    await batch("allocate-harvests");
    expect(refundsTo()).toEqual([]);
    expect((await stored()).shortfallSettledAt).toBeUndefined();

    // Reconciliation retries it under a fresh key (the card path this time), once.
    const retried = await batch("reconcile-payments");
    expect(retried.counts).toMatchObject({ refundsSucceeded: 1, refundsFailed: 0 });
    await batch("reconcile-payments");
    expect(refundsTo()).toEqual([
      expect.objectContaining({ idempotencyKey: `${entryId}:retry-1`, amountYen: owed }),
    ]);

    // The next allocation run sees it confirmed: paid in the summary, the plan settled.
    await batch("allocate-harvests");
    expect((await summaryOf()).paidRefundEntryIds).toEqual([entryId]);
    expect((await stored()).shortfallSettledAt).toBeDefined();
    await batch("allocate-harvests");
    await batch("reconcile-payments");
    expect(refundsTo()).toHaveLength(1);
    expect(processor.keys).toHaveLength(1);
    // Every owner got back what the ledger says, the konbini owner included, once.
    const summaries = await succeed(
      allPages((page) => world.deps.allocations.listSummaries(plan.id, page)),
    );
    expect((await succeed(world.payments.planTotals(plan.id))).refundedYen).toBe(
      summaries.reduce((sum, s) => sum + s.refundYen, 0),
    );
  });

  it("a pending refund confirmed by refund.updated is paid once, never called again", async () => {
    const { world, plan, processor, batch, summaryOf, stored, refundsTo, refundUpdated } =
      await setup();
    await succeed(
      completeHarvest({ ...world.deps, payments: processor.gateway })(world.producerOf(plan), {
        planId: plan.id,
      }),
    );
    const owed = (await summaryOf()).refundYen;
    const [entryId] = processor.keys;
    await refundUpdated("re_konbini_1", "succeeded", owed);
    await batch("reconcile-payments");
    await batch("allocate-harvests");
    expect((await summaryOf()).paidRefundEntryIds).toEqual([entryId]);
    expect((await stored()).shortfallSettledAt).toBeDefined();
    // Nothing was asked of the processor again: the pending answer was the refund.
    expect(processor.keys).toEqual([entryId]);
    expect(refundsTo()).toEqual([]);
  });
});
