import { MEMORY_WEBHOOK_SIGNATURE } from "@owners/adapter-memory";
import { type Ownership, ownerId } from "@owners/domain";
import * as TE from "fp-ts/lib/TaskEither.js";
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../actor.ts";
import { appError } from "../errors.ts";
import type { PaymentEvent } from "../ports/payment-gateway.ts";
import type { BatchInvocation, Scheduler } from "../ports/scheduler.ts";
import { cancelOwnership } from "../reservations/cancel-ownership.ts";
import { reserveShares } from "../reservations/reserve-shares.ts";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { makeReservationKit } from "../testing/reservation-kit.ts";
import { joinWaitlist } from "../waitlist/join-waitlist.ts";
import { expireUnpaidHolds } from "./expire-unpaid-holds.ts";
import { handlePaymentWebhook } from "./handle-payment-webhook.ts";
import { holdExpiryScheduleName } from "./hold-expiry-schedules.ts";
import { listDisputes } from "./list-disputes.ts";
import { makePaymentEventHandlers } from "./payment-event-handlers.ts";

const setup = async (terms = {}, scheduler?: Scheduler) => {
  const kit = makeReservationKit(scheduler === undefined ? {} : { scheduler });
  const plan = await kit.givenOpenPlan(terms);
  const hold = async (owner: string | number, shares = 1) =>
    (
      await succeed(
        reserveShares(kit.deps)(kit.owner(owner), {
          planId: plan.id,
          shares,
          shippingRegion: "kanto",
          idempotencyKey: `k-${owner}`,
        }),
      )
    ).ownership;
  const stored = async (o: Ownership) => {
    const found = await succeed(kit.deps.ownerships.get(o.id));
    if (found._tag === "None") throw new Error("gone");
    return found.value;
  };
  return { kit, plan, hold, stored };
};

describe("handlePaymentWebhook", () => {
  it("refuses a bad signature (PAYMENT.BAD_SIGNATURE) and changes nothing", async () => {
    const { kit, hold, stored } = await setup();
    const o = await hold(1);
    const event = kit.settle(o, "succeeded");
    const webhook = handlePaymentWebhook(kit.deps);
    for (const signature of [undefined, "forged"])
      expect((await failWith(webhook(JSON.stringify(event), signature)))._tag).toBe(
        "PAYMENT.BAD_SIGNATURE",
      );
    expect((await stored(o)).status).toBe("pending_payment");
    // The event was not marked processed: the real delivery still acts.
    expect(await succeed(kit.deliver(event))).toMatchObject({ outcome: "processed" });
    expect((await stored(o)).status).toBe("active");
  });

  it("acts once per event id; a duplicate is acknowledged and does nothing", async () => {
    const { kit, plan, hold } = await setup();
    const o = await hold(1);
    const event = kit.settle(o, "succeeded");
    expect(await succeed(kit.deliver(event))).toMatchObject({ outcome: "processed" });
    expect(await succeed(kit.deliver(event))).toMatchObject({ outcome: "duplicate" });
    const ledger = await succeed(kit.deps.ledger.listByPlan(plan.id));
    expect(ledger.filter((e) => e.kind === "charge")).toHaveLength(1);
  });

  it("never moves an ownership backwards: a late failure or a stale pending changes nothing", async () => {
    const { kit, hold, stored } = await setup();
    const o = await hold(1);
    const pending = kit.settle(o, "pending");
    await kit.pay(o);
    const late = { ...pending, eventId: "evt_late", kind: "payment.failed" } as PaymentEvent;
    await succeed(kit.deliver(late));
    await succeed(kit.deliver({ ...pending, eventId: "evt_stale" }));
    expect(await stored(o)).toMatchObject({ status: "active", payment: { status: "succeeded" } });
  });

  it("acknowledges unknown events and changes nothing", async () => {
    const { kit } = await setup();
    expect(
      await succeed(
        kit.deliver({
          eventId: "evt_x",
          createdAt: kit.clock.now(),
          kind: "ignored",
          type: "customer.created",
        }),
      ),
    ).toMatchObject({ outcome: "processed" });
  });

  it("forgets the event when its handler fails, so the processor's retry acts", async () => {
    const { kit, hold, stored } = await setup();
    const o = await hold(1);
    const event = kit.settle(o, "succeeded");
    const base = makePaymentEventHandlers(kit.deps);
    let down = true;
    const webhook = handlePaymentWebhook({
      ...kit.deps,
      handlers: {
        ...base,
        "payment.succeeded": (e) =>
          down ? TE.left(appError("STORE.UNAVAILABLE", "down")) : base["payment.succeeded"](e),
      },
    });
    const body = JSON.stringify(event);
    expect((await failWith(webhook(body, MEMORY_WEBHOOK_SIGNATURE)))._tag).toBe(
      "STORE.UNAVAILABLE",
    );
    down = false;
    expect(await succeed(webhook(body, MEMORY_WEBHOOK_SIGNATURE))).toMatchObject({
      outcome: "processed",
    });
    expect((await stored(o)).status).toBe("active");
  });

  it("flags a disputed ownership once and tells its producer and the administrators", async () => {
    const { kit, plan, hold, stored } = await setup();
    const paid = await kit.pay(await hold(1));
    const dispute: PaymentEvent = {
      eventId: "evt_dispute",
      createdAt: kit.clock.now(),
      kind: "dispute.opened",
      disputeId: "dp_1",
      paymentIntentId: paid.payment?.paymentIntentId as string,
      amountYen: paid.quote.totalYen,
      reason: "fraudulent",
    };
    await succeed(kit.deliver(dispute));
    await succeed(kit.deliver({ ...dispute, eventId: "evt_dispute_again" }));
    const flagged = await stored(paid);
    expect(flagged).toMatchObject({ disputed: true, status: "active", version: paid.version + 1 });
    const pending = await succeed(kit.deps.outbox.listPending(100));
    const notices = pending.filter((m) => m.kind === "payment-disputed");
    expect(notices.map((m) => m.recipientId).sort()).toEqual(["admins", plan.producerId].sort());
    // Admins find it in their list of disputes; nobody else may read that list.
    const admin = { id: "root", role: "admin" } as const;
    const listed = await succeed(listDisputes(kit.deps)(admin, {}));
    expect(listed.items).toEqual([flagged]);
    expect((await failWith(listDisputes(kit.deps)(kit.owner(1), {})))._tag).toBe("AUTH.FORBIDDEN");
  });
});

describe("expireUnpaidHolds", () => {
  it("asks the processor first: confirms a hold paid meanwhile, releases the others to the line", async () => {
    const { kit, plan, hold, stored } = await setup({ totalShares: 3, maxSharesPerOwner: 2 });
    const paidLate = await hold(1, 2);
    const unpaid = await hold(2, 1);
    await succeed(joinWaitlist(kit.deps)(kit.owner("w"), { planId: plan.id, shares: 1 }));
    // Paid at the processor, its webhook not here yet.
    kit.settle(paidLate, "succeeded");
    expect(await succeed(expireUnpaidHolds(kit.deps)(SYSTEM_ACTOR))).toMatchObject({ examined: 0 });
    kit.clock.advance(30 * 60_000);
    expect(await succeed(expireUnpaidHolds(kit.deps)(SYSTEM_ACTOR))).toEqual({
      examined: 2,
      confirmed: 1,
      released: 1,
      failures: [],
      more: false,
    });
    expect((await stored(paidLate)).status).toBe("active");
    expect(await stored(unpaid)).toMatchObject({
      status: "payment_failed",
      payment: { status: "expired" },
    });
    // The unpaid checkout cannot be paid any more; its share is offered to the line.
    const checkout = kit.payments.checkouts().find((c) => c.request.ownershipId === unpaid.id);
    expect(checkout?.state).toBe("expired");
    const { waitlist } = await succeed(kit.deps.waitlists.load(plan.id, kit.clock.now()));
    expect(waitlist.offers.map((o) => [o.ownerId, o.shares])).toEqual([["owner_w", 1]]);
    expect(await succeed(kit.deps.ownerships.ownerHeldShares(plan.id, ownerId("owner_2")))).toBe(0);
    // Nothing left to do.
    expect(await succeed(expireUnpaidHolds(kit.deps)(SYSTEM_ACTOR))).toMatchObject({
      examined: 0,
    });
  });

  it("releases a hold stored without a checkout (written before checkouts came first)", async () => {
    const { kit, plan, hold, stored } = await setup();
    const held = await hold(1);
    // Such a hold has no payment to look up: nobody was ever given a page to pay it on.
    const { payment: _unused, ...withoutPayment } = held;
    const legacy = await succeed(
      kit.deps.ownerships.amend({
        ownership: { ...withoutPayment, version: held.version + 1 },
        expectedVersion: held.version,
        ledgerEntries: [],
        audit: [],
      }),
    );
    expect(legacy.payment).toBeUndefined();
    kit.clock.advance(30 * 60_000);
    expect(await succeed(expireUnpaidHolds(kit.deps)(SYSTEM_ACTOR))).toMatchObject({
      examined: 1,
      released: 1,
      confirmed: 0,
    });
    expect((await stored(held)).status).toBe("payment_failed");
    expect(await succeed(kit.deps.plans.get(plan.id))).toMatchObject({ value: { sharesSold: 0 } });
    expect(await succeed(kit.deps.ownerships.ownerHeldShares(plan.id, ownerId("owner_1")))).toBe(0);
  });

  it("keeps a hold whose processor cannot be reached and reports it; the next run releases it", async () => {
    const { kit, hold, stored } = await setup();
    const o = await hold(1);
    kit.clock.advance(30 * 60_000);
    kit.payments.setAvailable(false);
    expect(await succeed(expireUnpaidHolds(kit.deps)(SYSTEM_ACTOR))).toMatchObject({
      examined: 1,
      released: 0,
      failures: [{ ownershipId: o.id, error: "PAYMENT.UNAVAILABLE" }],
    });
    expect((await stored(o)).status).toBe("pending_payment");
    kit.payments.setAvailable(true);
    expect(await succeed(expireUnpaidHolds(kit.deps)(SYSTEM_ACTOR))).toMatchObject({
      released: 1,
    });
  });

  it("schedules each new hold's expiry once, at its end", async () => {
    const once: { name: string; at: string; invocation: BatchInvocation }[] = [];
    const scheduler: Scheduler = {
      scheduleRecurring: () => TE.right(undefined),
      scheduleOnce: (name, at, invocation) => {
        // Publishing the plan also schedules the API's warm-up: not what is under test here.
        if (!name.startsWith("warm-")) once.push({ name, at, invocation });
        return TE.right(undefined);
      },
      cancel: () => TE.right(undefined),
    };
    const { hold } = await setup({}, scheduler);
    const o = await hold(1);
    await hold(1);
    expect(once).toEqual([
      {
        name: holdExpiryScheduleName(o),
        at: o.holdExpiresAt,
        invocation: { batch: "reconcile-payments" },
      },
    ]);
  });
});

describe("money that arrives after the hold was released", () => {
  it("is refunded in full, once, and both movements are on the books", async () => {
    const { kit, plan, hold, stored } = await setup();
    const o = await hold(1);
    // The owner gives the hold up while the processor cannot be told to end the checkout...
    kit.payments.setAvailable(false);
    await succeed(cancelOwnership(kit.deps)(kit.owner(1), { ownershipId: o.id }));
    kit.payments.setAvailable(true);
    // ...and pays it anyway; the webhook comes twice (the second under a new id).
    const event = kit.settle(o, "succeeded");
    await succeed(kit.deliver(event));
    await succeed(kit.deliver({ ...event, eventId: `${event.eventId}-again` }));
    const checkout = kit.payments.checkouts()[0];
    expect(checkout?.refundedYen).toBe(checkout?.request.amountYen);
    expect(await stored(o)).toMatchObject({
      status: "cancelled",
      payment: { status: "succeeded", paymentIntentId: checkout?.paymentIntentId },
    });
    expect(await succeed(kit.deps.plans.get(plan.id))).toMatchObject({ value: { sharesSold: 0 } });
    const ledger = await succeed(kit.deps.ledger.listByPlan(plan.id));
    const sum = (kind: string) =>
      ledger.filter((e) => e.kind === kind).reduce((total, e) => total + e.amountYen, 0);
    expect([sum("charge"), sum("refund"), sum("payout"), sum("fee")]).toEqual([
      o.quote.totalYen,
      o.quote.totalYen,
      0,
      0,
    ]);
  });
});
