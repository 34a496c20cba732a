import { producerId } from "@owners/domain";
import { describe, expect, it } from "vitest";
import { cancelPlan } from "../plans/cancel-plan.ts";
import { refundCancelledPlan } from "../plans/refund-cancelled-plan.ts";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { givenPaidOwnership } from "../testing/paid-ownership.ts";
import { makeReservationKit } from "../testing/reservation-kit.ts";
import { getRefundProgress } from "./refund-progress.ts";

const REASON = "A typhoon flattened the orchard in August.";

const withOwners = async (count: number) => {
  const kit = makeReservationKit();
  const plan = await kit.givenOpenPlan({ totalShares: 60, maxSharesPerOwner: 3 });
  for (let i = 0; i < count; i += 1)
    await givenPaidOwnership(kit, plan, kit.owner(i), 1 + (i % 3), `k${i}`);
  const progress = () => succeed(getRefundProgress(kit.deps)(kit.producer, { planId: plan.id }));
  const charged = () => succeed(kit.payments.planTotals(plan.id)).then((t) => t.chargedYen);
  return { kit, plan, progress, charged };
};

describe("getRefundProgress", () => {
  it("before cancelling: every active owner and what they paid, nothing refunded", async () => {
    const { progress, charged } = await withOwners(4);
    expect(await progress()).toEqual({
      owners: 4,
      refunded: 0,
      refundedYen: 0,
      pendingYen: await charged(),
    });
  });

  it("follows the refund batch: owners refunded of owners, yen moving from pending", async () => {
    const { kit, plan, progress, charged } = await withOwners(3);
    const paid = await charged();
    await succeed(cancelPlan(kit.deps)(kit.producer, { planId: plan.id, reason: REASON }));
    expect(await progress()).toEqual({ owners: 3, refunded: 0, refundedYen: 0, pendingYen: paid });
    // The processor goes away after the first refund: the batch stops part-way.
    let calls = 0;
    const flaky = {
      ...kit.deps.payments,
      refundPayment: (request: Parameters<typeof kit.deps.payments.refundPayment>[0]) => {
        calls += 1;
        if (calls === 2) kit.payments.setAvailable(false);
        return kit.payments.refundPayment(request);
      },
    };
    await refundCancelledPlan({ ...kit.deps, payments: flaky })(kit.system, plan.id)();
    kit.payments.setAvailable(true);
    const partway = await progress();
    expect(partway.owners).toBe(3);
    expect(partway.refunded).toBe(1);
    expect(partway.refundedYen).toBeGreaterThan(0);
    expect(partway.refundedYen + partway.pendingYen).toBe(paid);
    await succeed(refundCancelledPlan(kit.deps)(kit.system, plan.id));
    expect(await progress()).toEqual({ owners: 3, refunded: 3, refundedYen: paid, pendingYen: 0 });
  });

  it("is for the plan's producer and admins only", async () => {
    const { kit, plan } = await withOwners(1);
    expect(
      await succeed(getRefundProgress(kit.deps)(kit.admin, { planId: plan.id })),
    ).toMatchObject({ owners: 1 });
    const other = { id: producerId("producer_other"), role: "producer" as const };
    for (const actor of [kit.owner(0), other])
      expect(
        (await failWith(getRefundProgress(kit.deps)(actor, { planId: plan.id })))._tag,
      ).toMatch(/^(AUTH\.FORBIDDEN|PLAN\.NOT_PRODUCER)$/);
    expect(
      (await failWith(getRefundProgress(kit.deps)(kit.producer, { planId: "plan_nope" })))._tag,
    ).toBe("PLAN.NOT_FOUND");
  });
});
