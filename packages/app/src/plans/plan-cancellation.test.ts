import { checkBalanced, ownerId } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { fanOutNotices } from "../communication/fan-out-notices.ts";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { givenPaidOwnership } from "../testing/paid-ownership.ts";
import { makeReservationKit } from "../testing/reservation-kit.ts";
import { joinWaitlist } from "../waitlist/join-waitlist.ts";
import { cancelPlan } from "./cancel-plan.ts";
import { closeSales } from "./close-sales.ts";
import { refundCancelledPlan } from "./refund-cancelled-plan.ts";

const REASON = "A typhoon flattened the orchard in August.";

const withOwners = async (count: number) => {
  const kit = makeReservationKit();
  const plan = await kit.givenOpenPlan({ totalShares: 60, maxSharesPerOwner: 3 });
  for (let i = 0; i < count; i += 1)
    await givenPaidOwnership(kit, plan, kit.owner(i), 1 + (i % 3), `k${i}`);
  const processor = () => succeed(kit.payments.planTotals(plan.id));
  const refundAll = () => succeed(refundCancelledPlan(kit.deps)(kit.system, plan.id));
  return { kit, plan, processor, refundAll };
};

describe("cancelPlan", () => {
  it("marks the plan cancelled; the refund batch refunds every owner in full, once", async () => {
    const { kit, plan, processor, refundAll } = await withOwners(30);
    const result = await succeed(
      cancelPlan(kit.deps)(kit.producer, { planId: plan.id, reason: REASON }),
    );
    expect(result).toMatchObject({ plan: { status: "cancelled" }, refundedOwnerships: 0 });
    expect((await processor()).refundedYen).toBe(0);
    const report = await refundAll();
    expect(report).toMatchObject({ released: 30, refundsSucceeded: 30, refundsFailed: 0 });
    const totals = await processor();
    expect(totals.refundedYen).toBe(totals.chargedYen);
    expect(report.refundYen).toBe(totals.chargedYen);
    const ledger = await succeed(kit.deps.ledger.listByPlan(plan.id));
    expect(checkBalanced(ledger)).toMatchObject({ right: { payoutsYen: 0, feesYen: 0 } });
    expect(
      ledger.filter((e) => e.kind === "refund" && e.reason === "plan-cancellation"),
    ).toHaveLength(30);
    expect(await succeed(kit.deps.plans.get(plan.id))).toMatchObject({ value: { sharesSold: 0 } });
    // A second run finds nothing to do and moves no money.
    expect(await refundAll()).toMatchObject({ released: 0, refundsSucceeded: 0, refundYen: 0 });
    expect((await processor()).refundedYen).toBe(totals.chargedYen);
  });

  it("tells each owner once, with the reason, and keeps the reason in the audit entry", async () => {
    const { kit, plan } = await withOwners(3);
    // owner_0 reserves again: one notice per owner, not per ownership.
    await givenPaidOwnership(kit, plan, kit.owner(0), 1, "k0-again");
    await succeed(cancelPlan(kit.deps)(kit.producer, { planId: plan.id, reason: ` ${REASON} ` }));
    // A repeat says something else: nobody is told twice, the first reason stands.
    await succeed(cancelPlan(kit.deps)(kit.producer, { planId: plan.id, reason: "typo" }));
    // The cancellation wrote one fan-out trigger; the notification batch expands it per owner.
    await succeed(fanOutNotices(kit.deps)(kit.system));
    const notices = (await succeed(kit.deps.outbox.listPending(100))).filter(
      (m) => m.kind === "plan-cancelled",
    );
    expect(notices.map((m) => m.recipientId).sort()).toEqual(["owner_0", "owner_1", "owner_2"]);
    for (const notice of notices) {
      expect(notice.body).toContain(REASON);
      expect(notice.body).not.toContain("typo");
    }
    const audit = await succeed(kit.deps.audit.listBySubject("plan", plan.id));
    expect(audit.filter((e) => e.action === "plan.cancelled")).toEqual([
      expect.objectContaining({ after: expect.objectContaining({ reason: REASON }) }),
    ]);
  });

  it("needs a reason: a blank or over-long one cancels nothing", async () => {
    const { kit, plan, processor } = await withOwners(1);
    for (const reason of ["", "   ", "x".repeat(501)])
      expect(
        (await failWith(cancelPlan(kit.deps)(kit.producer, { planId: plan.id, reason })))._tag,
      ).toBe("VALIDATION.INVALID");
    expect(await succeed(kit.deps.plans.get(plan.id))).toMatchObject({
      value: { status: "open" },
    });
    expect((await processor()).refundedYen).toBe(0);
    expect((await failWith(refundCancelledPlan(kit.deps)(kit.system, plan.id)))._tag).toBe(
      "PLAN.WRONG_STATUS",
    );
  });

  it("is idempotent: a second call refunds nobody again; an admin may cancel too", async () => {
    const { kit, plan, processor, refundAll } = await withOwners(4);
    await succeed(cancelPlan(kit.deps)(kit.admin, { planId: plan.id, reason: REASON }));
    await refundAll();
    const again = await succeed(
      cancelPlan(kit.deps)(kit.producer, { planId: plan.id, reason: REASON }),
    );
    expect(again.refundedOwnerships).toBe(0);
    await refundAll();
    const totals = await processor();
    expect(totals.refundedYen).toBe(totals.chargedYen);
    expect(await succeed(kit.deps.refundIntents.listByPlan(plan.id))).toHaveLength(4);
  });

  it("finishes after an interruption without refunding anyone twice", async () => {
    const { kit, plan, processor, refundAll } = await withOwners(6);
    await succeed(cancelPlan(kit.deps)(kit.producer, { planId: plan.id, reason: REASON }));
    // The processor goes away after three refunds: the run stops, the rest waits.
    let calls = 0;
    const flaky = {
      ...kit.deps.payments,
      refundPayment: (request: Parameters<typeof kit.deps.payments.refundPayment>[0]) => {
        calls += 1;
        if (calls === 4) kit.payments.setAvailable(false);
        return kit.payments.refundPayment(request);
      },
    };
    const interrupted = await refundCancelledPlan({ ...kit.deps, payments: flaky })(
      kit.system,
      plan.id,
    )();
    expect(E.isLeft(interrupted)).toBe(true);
    kit.payments.setAvailable(true);
    const partway = await processor();
    expect(partway.refundedYen).toBeGreaterThan(0);
    expect(partway.refundedYen).toBeLessThan(partway.chargedYen);
    const resumed = await refundAll();
    expect(resumed.refundsSucceeded).toBe(3);
    const totals = await processor();
    expect(totals.refundedYen).toBe(totals.chargedYen);
    const intents = await succeed(kit.deps.refundIntents.listByPlan(plan.id));
    expect(intents.map((i) => i.state)).toEqual(Array(6).fill("succeeded"));
  });

  it("a declined refund is reported and retried by later runs, never stopping the others", async () => {
    const { kit, plan, processor, refundAll } = await withOwners(3);
    await succeed(cancelPlan(kit.deps)(kit.producer, { planId: plan.id, reason: REASON }));
    const [first] = await succeed(kit.deps.ownerships.listByPlan(plan.id, { limit: 10 })).then(
      (p) => p.items,
    );
    if (first === undefined) throw new Error("no ownership");
    const declining = {
      ...kit.deps.payments,
      refundPayment: (request: Parameters<typeof kit.deps.payments.refundPayment>[0]) =>
        request.ownershipId === first.id
          ? kit.payments.refundPayment({ ...request, amountYen: 10_000_000 as never })
          : kit.payments.refundPayment(request),
    };
    const report = await succeed(
      refundCancelledPlan({ ...kit.deps, payments: declining })(kit.system, plan.id),
    );
    expect(report).toMatchObject({ released: 3, refundsSucceeded: 2, refundsFailed: 1 });
    const failed = await succeed(kit.deps.refundIntents.listByPlan(plan.id));
    expect(failed.find((i) => i.ownershipId === first.id)).toMatchObject({
      state: "failed",
      declines: 1,
    });
    const retried = await refundAll();
    expect(retried).toMatchObject({ released: 0, refundsSucceeded: 1, refundsFailed: 0 });
    const totals = await processor();
    expect(totals.refundedYen).toBe(totals.chargedYen);
  });

  it("withdraws the waitlist; only the producer or an admin may cancel; shipped plans cannot be", async () => {
    const kit = makeReservationKit();
    const plan = await kit.givenOpenPlan({ totalShares: 1, maxSharesPerOwner: 1 });
    await givenPaidOwnership(kit, plan, kit.owner(1), 1);
    await succeed(joinWaitlist(kit.deps)(kit.owner(2), { planId: plan.id, shares: 1 }));
    expect(
      (await failWith(cancelPlan(kit.deps)(kit.owner(1), { planId: plan.id, reason: REASON })))
        ._tag,
    ).toBe("AUTH.FORBIDDEN");
    expect(
      (
        await failWith(
          cancelPlan(kit.deps)(
            { id: "producer_other", role: "producer" },
            { planId: plan.id, reason: REASON },
          ),
        )
      )._tag,
    ).toBe("PLAN.NOT_PRODUCER");
    await succeed(cancelPlan(kit.deps)(kit.producer, { planId: plan.id, reason: REASON }));
    const { waitlist } = await succeed(kit.deps.waitlists.load(plan.id, kit.clock.now()));
    expect(waitlist.entries).toEqual([]);
    await succeed(refundCancelledPlan(kit.deps)(kit.system, plan.id));
    expect(await succeed(kit.deps.ownerships.ownerActiveShares(plan.id, ownerId("owner_1")))).toBe(
      0,
    );
    const shipped = await kit.givenOpenPlan();
    const stored = await succeed(kit.deps.plans.get(shipped.id));
    if (stored._tag === "Some")
      await succeed(
        kit.deps.plans.save({ ...stored.value, status: "shipped" }, stored.value.version),
      );
    expect(
      (await failWith(cancelPlan(kit.deps)(kit.producer, { planId: shipped.id, reason: REASON })))
        ._tag,
    ).toBe("PLAN.ILLEGAL_TRANSITION");
  });
});

describe("closeSales", () => {
  it("closes every open plan whose window ended (and withdraws its line), leaves the others, resumes by limit", async () => {
    const kit = makeReservationKit();
    const ending = [
      await kit.givenOpenPlan(),
      await kit.givenOpenPlan(),
      await kit.givenOpenPlan(),
    ];
    const later = await kit.givenOpenPlan({
      salesWindow: { opensAt: "2026-06-01T00:00:00.000Z", closesAt: "2026-07-15T00:00:00.000Z" },
    });
    const buy = (owner: number, planId: string, shares: number) =>
      succeed(
        kit.reservePaid(kit.owner(owner), {
          planId,
          shares,
          shippingRegion: "kanto",
          idempotencyKey: `k-${owner}-${planId}-${shares}`,
        }),
      );
    const [first] = ending;
    if (first === undefined) throw new Error("no plan");
    await buy(1, first.id, 1);
    await buy(1, first.id, 2);
    await buy(2, first.id, 1);
    kit.clock.set("2026-07-01T00:00:00.000Z");
    const firstRun = await succeed(closeSales(kit.deps)(kit.system, { maxPlans: 2 }));
    expect(firstRun).toMatchObject({ closedPlans: 2, more: true });
    const secondRun = await succeed(closeSales(kit.deps)(kit.system));
    expect(secondRun).toMatchObject({ closedPlans: 1, more: false });
    expect(await succeed(closeSales(kit.deps)(kit.system))).toEqual({
      closedPlans: 0,
      messagesEnqueued: 0,
      more: false,
    });
    // Each close wrote one fan-out trigger (none twice); the notification batch expands them:
    // each owner once with its shares summed, and each producer once per plan.
    expect(firstRun.messagesEnqueued + secondRun.messagesEnqueued).toBe(0);
    const closings = async () =>
      (await succeed(kit.deps.outbox.listPendingFanOuts(100))).filter(
        (t) => t.kind === "sales-closed",
      );
    expect(await closings()).toHaveLength(3);
    // (The kit has no follow stores: the publishes' follower triggers stay pending.)
    const fanOut = await succeed(fanOutNotices(kit.deps)(kit.system));
    expect(await closings()).toEqual([]);
    const notices = (await succeed(kit.deps.outbox.listPending(100))).filter((m) =>
      m.kind.startsWith("sales-closed"),
    );
    expect(fanOut.messages).toBe(notices.length);
    const ofFirst = notices.filter((m) => m.dedupeKey.includes(first.id));
    expect(ofFirst.map((m) => [m.kind, m.recipientId]).sort()).toEqual(
      [
        ["sales-closed", "owner_1"],
        ["sales-closed", "owner_2"],
        ["sales-closed-producer", kit.producer.id],
      ].sort(),
    );
    expect(ofFirst.find((m) => m.recipientId === "owner_1")?.body).toContain("You own 3 share(s)");
    expect(ofFirst.find((m) => m.kind === "sales-closed-producer")?.subject).toContain(
      "4 of 10 shares sold",
    );
    expect(notices.filter((m) => m.kind === "sales-closed-producer")).toHaveLength(3);
    for (const plan of ending)
      expect(await succeed(kit.deps.plans.get(plan.id))).toMatchObject({
        value: { status: "closed" },
      });
    expect(await succeed(kit.deps.plans.get(later.id))).toMatchObject({
      value: { status: "open" },
    });
    expect((await failWith(closeSales(kit.deps)(kit.producer)))._tag).toBe("AUTH.FORBIDDEN");
  });
});
