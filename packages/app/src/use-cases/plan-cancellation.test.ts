import { checkBalanced, ownerId } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { makeReservationKit } from "../testing/reservation-kit.ts";
import { cancelPlan } from "./cancel-plan.ts";
import { closeSales } from "./close-sales.ts";
import { joinWaitlist } from "./join-waitlist.ts";
import { reserveShares } from "./reserve-shares.ts";

const withOwners = async (count: number) => {
  const kit = makeReservationKit();
  const plan = await kit.givenOpenPlan({ totalShares: 60, maxSharesPerOwner: 3 });
  for (let i = 0; i < count; i += 1)
    await succeed(
      reserveShares(kit.deps)(kit.owner(i), {
        planId: plan.id,
        shares: 1 + (i % 3),
        shippingRegion: "kanto",
        idempotencyKey: `k${i}`,
      }),
    );
  return { kit, plan };
};

describe("cancelPlan", () => {
  it("cancels the plan and refunds every owner in full, through the gateway and the ledger", async () => {
    const { kit, plan } = await withOwners(30);
    const result = await succeed(cancelPlan(kit.deps)(kit.producer, { planId: plan.id }));
    expect(result).toMatchObject({ plan: { status: "cancelled" }, refundedOwnerships: 30 });
    const totals = kit.payments.totals();
    expect(totals.refundedYen).toBe(totals.chargedYen);
    const ledger = await succeed(kit.deps.ledger.listByPlan(plan.id));
    expect(checkBalanced(ledger)).toMatchObject({ right: { payoutsYen: 0, feesYen: 0 } });
    expect(
      ledger.filter((e) => e.kind === "refund" && e.reason === "plan-cancellation"),
    ).toHaveLength(30);
    expect(await succeed(kit.deps.plans.get(plan.id))).toMatchObject({ value: { sharesSold: 0 } });
  });

  it("is idempotent: a second call refunds nobody again; an admin may cancel too", async () => {
    const { kit, plan } = await withOwners(4);
    await succeed(cancelPlan(kit.deps)(kit.admin, { planId: plan.id }));
    const again = await succeed(cancelPlan(kit.deps)(kit.producer, { planId: plan.id }));
    expect(again.refundedOwnerships).toBe(0);
    expect(kit.payments.movements().filter((m) => m.kind === "refund")).toHaveLength(4);
  });

  it("finishes after an interruption without refunding anyone twice", async () => {
    const { kit, plan } = await withOwners(6);
    // The gateway fails midway: some owners are refunded, the call fails.
    let refunds = 0;
    const flaky = {
      ...kit.deps.payments,
      refund: (
        key: string,
        paymentId: string,
        amount: Parameters<typeof kit.deps.payments.refund>[2],
      ) => {
        refunds += 1;
        if (refunds === 4) kit.payments.setAvailable(false);
        return kit.payments.refund(key, paymentId, amount);
      },
    };
    const interrupted = await cancelPlan({ ...kit.deps, payments: flaky })(kit.producer, {
      planId: plan.id,
    })();
    expect(E.isLeft(interrupted)).toBe(true);
    kit.payments.setAvailable(true);
    const resumed = await succeed(cancelPlan(kit.deps)(kit.producer, { planId: plan.id }));
    expect(resumed.refundedOwnerships).toBe(3);
    expect(kit.payments.movements().filter((m) => m.kind === "refund")).toHaveLength(6);
    expect(kit.payments.totals().refundedYen).toBe(kit.payments.totals().chargedYen);
  });

  it("withdraws the waitlist; only the producer or an admin may cancel; shipped plans cannot be", async () => {
    const kit = makeReservationKit();
    const plan = await kit.givenOpenPlan({ totalShares: 1, maxSharesPerOwner: 1 });
    await succeed(
      reserveShares(kit.deps)(kit.owner(1), {
        planId: plan.id,
        shares: 1,
        shippingRegion: "kanto",
        idempotencyKey: "k",
      }),
    );
    await succeed(joinWaitlist(kit.deps)(kit.owner(2), { planId: plan.id, shares: 1 }));
    expect((await failWith(cancelPlan(kit.deps)(kit.owner(1), { planId: plan.id })))._tag).toBe(
      "AUTH.FORBIDDEN",
    );
    expect(
      (
        await failWith(
          cancelPlan(kit.deps)({ id: "producer_other", role: "producer" }, { planId: plan.id }),
        )
      )._tag,
    ).toBe("PLAN.NOT_PRODUCER");
    await succeed(cancelPlan(kit.deps)(kit.producer, { planId: plan.id }));
    const { waitlist } = await succeed(kit.deps.waitlists.load(plan.id, kit.clock.now()));
    expect(waitlist.entries).toEqual([]);
    expect(await succeed(kit.deps.ownerships.ownerActiveShares(plan.id, ownerId("owner_1")))).toBe(
      0,
    );
    const shipped = await kit.givenOpenPlan();
    const stored = await succeed(kit.deps.plans.get(shipped.id));
    if (stored._tag === "Some")
      await succeed(
        kit.deps.plans.save({ ...stored.value, status: "shipped" }, stored.value.version),
      );
    expect((await failWith(cancelPlan(kit.deps)(kit.producer, { planId: shipped.id })))._tag).toBe(
      "PLAN.ILLEGAL_TRANSITION",
    );
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
    kit.clock.set("2026-07-01T00:00:00.000Z");
    expect(await succeed(closeSales(kit.deps)(kit.system, { maxPlans: 2 }))).toEqual({
      closedPlans: 2,
      more: true,
    });
    expect(await succeed(closeSales(kit.deps)(kit.system))).toEqual({
      closedPlans: 1,
      more: false,
    });
    expect(await succeed(closeSales(kit.deps)(kit.system))).toEqual({
      closedPlans: 0,
      more: false,
    });
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
