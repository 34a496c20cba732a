import { makeMemoryBatchStores } from "@owners/adapter-memory";
import {
  type Instant,
  ledgerEntryId,
  type Ownership,
  ownershipId,
  partialRefundEntries,
  type Yen,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { describe, expect, it } from "vitest";
import { type BatchPorts, runBatch } from "../batch/registry.ts";
import { appError } from "../errors.ts";
import type { PaymentGateway, RefundRequest } from "../ports/payment-gateway.ts";
import { cancelOwnership } from "../reservations/cancel-ownership.ts";
import { reserveShares } from "../reservations/reserve-shares.ts";
import { succeed } from "../testing/contracts/expect-task.ts";
import { makeHarvestWorld } from "../testing/harvest-world.ts";
import { givenPaidOwnership } from "../testing/paid-ownership.ts";
import { makeReservationKit } from "../testing/reservation-kit.ts";
import { onRefundUpdated } from "./on-refund-updated.ts";

const batchPortsOf = async (kit: ReturnType<typeof makeReservationKit>): Promise<BatchPorts> => ({
  ...makeHarvestWorld().deps,
  ...kit.deps,
  reservationConfig: kit.deps.config,
  ...makeMemoryBatchStores(),
});

const setup = async () => {
  const kit = makeReservationKit();
  const plan = await kit.givenOpenPlan({ totalShares: 10, maxSharesPerOwner: 5 });
  const batchPorts = await batchPortsOf(kit);
  const reconcile = (payments: PaymentGateway = kit.payments) =>
    succeed(runBatch({ ...batchPorts, payments })("reconcile-payments"));
  const processor = () => succeed(kit.payments.planTotals(plan.id));
  const intents = () => succeed(kit.deps.refundIntents.listByPlan(plan.id));
  const cancelWith = (payments: PaymentGateway, ownership: Ownership) =>
    succeed(
      cancelOwnership({ ...kit.deps, payments })(
        { id: ownership.ownerId, role: "owner" },
        { ownershipId: ownership.id },
      ),
    );
  return { kit, plan, reconcile, processor, intents, cancelWith };
};

/** The processor refunds, then the answer is lost on the way back (a timeout, a crash). */
const answerLost = (payments: PaymentGateway): PaymentGateway => ({
  ...payments,
  refundPayment: (request: RefundRequest) => async () => {
    await payments.refundPayment(request)();
    return E.left(appError("PAYMENT.UNAVAILABLE", "timed out"));
  },
});

/** The processor accepts the refund but confirms it later (refund.updated). */
const confirmsLater = (payments: PaymentGateway): PaymentGateway => ({
  ...payments,
  refundPayment: (request: RefundRequest) =>
    TE.map((receipt: { refundId: string; amountYen: Yen }) => ({
      ...receipt,
      state: "pending" as const,
    }))(payments.refundPayment(request)),
});

describe("refund intents", () => {
  it("a crash after the commit, before the processor call, is finished by reconciliation exactly once", async () => {
    const { kit, plan, reconcile, processor, intents } = await setup();
    const ownership = await givenPaidOwnership(kit, plan, kit.owner(1), 2);
    kit.payments.setAvailable(false);
    const cancelled = await succeed(
      cancelOwnership(kit.deps)(kit.owner(1), { ownershipId: ownership.id }),
    );
    expect(cancelled.status).toBe("cancelled");
    expect(await succeed(kit.deps.plans.get(plan.id))).toMatchObject({ value: { sharesSold: 0 } });
    expect(await intents()).toMatchObject([
      { state: "pending", amountYen: ownership.quote.totalYen },
    ]);
    kit.payments.setAvailable(true);
    expect((await processor()).refundedYen).toBe(0);
    const first = await reconcile();
    expect(first.counts).toMatchObject({ refundsSucceeded: 1 });
    expect(await intents()).toMatchObject([{ state: "succeeded" }]);
    const second = await reconcile();
    expect(second.counts.refundsSucceeded ?? 0).toBe(0);
    expect((await processor()).refundedYen).toBe(ownership.quote.totalYen);
  });

  it("a refund made but never recorded is replayed under its key, not paid again", async () => {
    const { kit, plan, reconcile, processor, intents, cancelWith } = await setup();
    const ownership = await givenPaidOwnership(kit, plan, kit.owner(1), 3);
    await cancelWith(answerLost(kit.payments), ownership);
    expect(await intents()).toMatchObject([{ state: "pending" }]);
    expect((await processor()).refundedYen).toBe(ownership.quote.totalYen);
    await reconcile();
    await reconcile();
    expect(await intents()).toMatchObject([{ state: "succeeded", declines: 0 }]);
    expect((await processor()).refundedYen).toBe(ownership.quote.totalYen);
  });

  it("a declined refund becomes failed, is reported, and is retried by reconciliation", async () => {
    const { kit, plan, reconcile, processor, intents, cancelWith } = await setup();
    const ownership = await givenPaidOwnership(kit, plan, kit.owner(1), 1);
    const declining: PaymentGateway = {
      ...kit.payments,
      refundPayment: () => TE.left(appError("PAYMENT.DECLINED", "card closed")),
    };
    await cancelWith(declining, ownership);
    expect(await intents()).toMatchObject([
      { state: "failed", declines: 1, lastError: "card closed" },
    ]);
    const stillDeclined = await reconcile(declining);
    expect(stillDeclined.counts).toMatchObject({ refundsFailed: 1 });
    expect(stillDeclined.problems).toEqual([
      expect.objectContaining({ item: ownership.id, code: "PAYMENT.DECLINED" }),
    ]);
    const retried = await reconcile();
    expect(retried.counts).toMatchObject({ refundsSucceeded: 1 });
    expect(await intents()).toMatchObject([{ state: "succeeded", declines: 2 }]);
    expect((await processor()).refundedYen).toBe(ownership.quote.totalYen);
  });

  it("refunds only what is left after an earlier partial refund", async () => {
    const { kit, plan, processor, intents } = await setup();
    const ownership = await givenPaidOwnership(kit, plan, kit.owner(1), 2);
    const history = await succeed(kit.deps.ledger.listByOwnership(plan.id, ownership.id));
    const partial = partialRefundEntries(
      {
        planId: plan.id,
        ownershipId: ownership.id,
        at: kit.clock.now(),
        actor: "test",
        entryId: (kind) => ledgerEntryId(`led_partial_${kind}`),
      },
      { refundYen: 1_000 as Yen, feeBps: plan.platformFeeBps, reason: "shortfall-refund", history },
    );
    if (E.isLeft(partial)) throw new Error(partial.left.message);
    await succeed(kit.deps.ledger.append(partial.right, []));
    const paymentIntentId = ownership.payment?.paymentIntentId ?? "";
    await succeed(
      kit.payments.refundPayment({
        idempotencyKey: "shortfall-1",
        paymentIntentId,
        amountYen: 1_000 as Yen,
        planId: plan.id,
        ownershipId: ownership.id,
      }),
    );
    await succeed(cancelOwnership(kit.deps)(kit.owner(1), { ownershipId: ownership.id }));
    expect(await intents()).toMatchObject([
      { amountYen: ownership.quote.totalYen - 1_000, state: "succeeded" },
    ]);
    expect((await processor()).refundedYen).toBe(ownership.quote.totalYen);
  });

  it("cancelling an unpaid reservation expires its checkout and refunds nothing", async () => {
    const { kit, plan, processor, intents } = await setup();
    const id = ownershipId("own_unpaid");
    const session = await succeed(
      kit.payments.startCheckout({
        idempotencyKey: "checkout-unpaid",
        ownershipId: id,
        planId: plan.id,
        ownerId: kit.owner(1).id as Ownership["ownerId"],
        amountYen: 5_800 as Yen,
        applicationFeeYen: 580 as Yen,
        description: plan.title,
        expiresAt: "2099-01-01T00:00:00.000Z" as Instant,
        returnUrl: "memory://return",
      }),
    );
    const paid = await givenPaidOwnership(kit, plan, kit.owner(2), 1);
    const pending: Ownership = {
      ...paid,
      id,
      ownerId: kit.owner(1).id as Ownership["ownerId"],
      idempotencyKey: "unpaid",
      status: "pending_payment",
      payment: {
        id: session.paymentId,
        status: "pending",
        expiresAt: session.expiresAt,
        amountYen: 5_800 as Yen,
      },
    };
    await succeed(
      kit.deps.ownerships.reserve({
        ownership: pending,
        producerId: plan.producerId,
        totalShares: plan.totalShares,
        maxSharesPerOwner: plan.maxSharesPerOwner,
        ledgerEntries: [],
        audit: [],
      }),
    );
    expect(await succeed(kit.deps.plans.get(plan.id))).toMatchObject({ value: { sharesSold: 2 } });
    const cancelled = await succeed(cancelOwnership(kit.deps)(kit.owner(1), { ownershipId: id }));
    expect(cancelled.status).toBe("cancelled");
    expect(await succeed(kit.deps.plans.get(plan.id))).toMatchObject({ value: { sharesSold: 1 } });
    expect(await succeed(kit.payments.lookupPayment(session.paymentId))).toMatchObject({
      state: "expired",
    });
    expect(await intents()).toEqual([]);
    expect((await processor()).refundedYen).toBe(0);
    expect(await succeed(kit.deps.ledger.listByOwnership(plan.id, id))).toEqual([]);
  });
});

describe("reconcile-payments", () => {
  it("first ends the holds past their time: unpaid ones released, one paid meanwhile confirmed", async () => {
    const { kit, plan, reconcile } = await setup();
    const hold = (owner: number) =>
      succeed(
        reserveShares(kit.deps)(kit.owner(owner), {
          planId: plan.id,
          shares: 2,
          shippingRegion: "kanto",
          idempotencyKey: `hold-${owner}`,
        }),
      );
    const [unpaid, paidLate, stillOpen] = [await hold(1), await hold(2), await hold(3)];
    // Paid at the processor, its webhook not arrived yet: the batch learns it by asking.
    kit.settle(paidLate.ownership);
    kit.clock.advance(31 * 60_000);
    const young = await hold(4);
    const report = await reconcile();
    expect(report.counts).toMatchObject({ holdsExpired: 3 });
    const statusOf = async (id: Ownership["id"]) => {
      const stored = await succeed(kit.deps.ownerships.get(id));
      return stored._tag === "Some" ? stored.value.status : "gone";
    };
    expect(await statusOf(unpaid.ownership.id)).toBe("payment_failed");
    expect(await statusOf(stillOpen.ownership.id)).toBe("payment_failed");
    expect(await statusOf(paidLate.ownership.id)).toBe("active");
    expect(await statusOf(young.ownership.id)).toBe("pending_payment");
    const after = await succeed(kit.deps.plans.get(plan.id));
    expect(after._tag === "Some" && after.value.sharesSold).toBe(4);
  });
});

describe("onRefundUpdated", () => {
  /** The processor's refund.updated about one of the ownership's refunds, as the webhook applies it. */
  const refundNews =
    (kit: ReturnType<typeof makeReservationKit>, ownership: Ownership) =>
    (refundId: string, state: "succeeded" | "failed" | "pending") =>
      succeed(
        onRefundUpdated(kit.deps)({
          eventId: `evt_${refundId}_${state}`,
          createdAt: kit.clock.now(),
          kind: "refund.updated",
          refundId,
          paymentIntentId: ownership.payment?.paymentIntentId ?? "",
          state,
          amountYen: ownership.quote.totalYen,
        }),
      );

  it("moves the intent to what the processor says, never backwards, and ignores refunds it does not know", async () => {
    const { kit, plan, intents, cancelWith } = await setup();
    const ownership = await givenPaidOwnership(kit, plan, kit.owner(1), 1);
    await cancelWith(confirmsLater(kit.payments), ownership);
    const [pending] = await intents();
    expect(pending).toMatchObject({ state: "pending" });
    const news = refundNews(kit, ownership);
    const event = (state: "succeeded" | "failed" | "pending", refundId = pending?.refundId ?? "") =>
      news(refundId, state);
    await event("failed", "re_someone_else");
    expect(await intents()).toMatchObject([{ state: "pending" }]);
    await event("succeeded");
    expect(await intents()).toMatchObject([{ state: "succeeded" }]);
    await event("failed");
    await event("pending");
    expect(await intents()).toMatchObject([{ state: "succeeded", declines: 0 }]);
  });

  /** A processor whose refunds all start pending, each under its own id, confirmed by events. */
  const pendingRefunds = (payments: PaymentGateway) => {
    const keys: string[] = [];
    const gateway: PaymentGateway = {
      ...payments,
      refundPayment: (request: RefundRequest) => {
        keys.push(request.idempotencyKey);
        return TE.right({
          refundId: `re_${keys.length}`,
          state: "pending" as const,
          amountYen: request.amountYen,
        });
      },
    };
    return { gateway, keys };
  };

  /** A cancellation's refund the processor accepted (re_1, pending), then failed. */
  const failedLater = async () => {
    const { kit, plan, intents, cancelWith, reconcile } = await setup();
    const ownership = await givenPaidOwnership(kit, plan, kit.owner(1), 1);
    const processor = pendingRefunds(kit.payments);
    await cancelWith(processor.gateway, ownership);
    const event = refundNews(kit, ownership);
    await event("re_1", "failed");
    return { kit, intents, reconcile, ownership, processor, event };
  };

  it("follows the retry of a refund that failed later to its success, then stops retrying", async () => {
    const { intents, reconcile, ownership, processor, event } = await failedLater();
    await reconcile(processor.gateway);
    expect(await intents()).toMatchObject([{ state: "pending", refundId: "re_2", declines: 1 }]);
    await event("re_2", "succeeded");
    expect(await intents()).toMatchObject([{ state: "succeeded", refundId: "re_2" }]);
    const after = await reconcile(processor.gateway);
    expect(after.counts.refundsFailed ?? 0).toBe(0);
    expect(processor.keys).toEqual([`${ownership.id}:refund`, `${ownership.id}:refund:retry-1`]);
  });

  it("takes a retry's success that arrives before the retry's answer was recorded", async () => {
    const { kit, intents, reconcile, processor, event } = await failedLater();
    // The retry reaches the processor, but its answer is lost on the way back.
    await runBatch({ ...(await batchPortsOf(kit)), payments: answerLost(processor.gateway) })(
      "reconcile-payments",
    )();
    expect(await intents()).toMatchObject([{ state: "failed", refundId: "re_1" }]);
    await event("re_2", "succeeded");
    expect(await intents()).toMatchObject([{ state: "succeeded", refundId: "re_2" }]);
    expect((await reconcile(processor.gateway)).counts.refundsFailed ?? 0).toBe(0);
  });

  it("a refund the processor fails later is retried by reconciliation under a new key", async () => {
    const { kit, plan, intents, cancelWith, reconcile } = await setup();
    const ownership = await givenPaidOwnership(kit, plan, kit.owner(1), 1);
    await cancelWith(confirmsLater(kit.payments), ownership);
    const [pending] = await intents();
    await succeed(
      onRefundUpdated(kit.deps)({
        eventId: "evt_failed",
        createdAt: kit.clock.now(),
        kind: "refund.updated",
        refundId: pending?.refundId ?? "",
        paymentIntentId: ownership.payment?.paymentIntentId ?? "",
        state: "failed",
        amountYen: ownership.quote.totalYen,
      }),
    );
    expect(await intents()).toMatchObject([{ state: "failed", declines: 1 }]);
    // The memory processor did refund the first time; a fresh key asks for more than is left:
    // declined again, reported, and the books stay as they are.
    const report = await reconcile();
    expect(report.counts).toMatchObject({ refundsFailed: 1 });
  });
});
