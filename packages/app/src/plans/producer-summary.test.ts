import { describe, expect, it } from "vitest";
import { cancelOwnership } from "../reservations/cancel-ownership.ts";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { makeReservationKit } from "../testing/reservation-kit.ts";
import { getProducerSummary } from "./producer-summary.ts";

describe("getProducerSummary", () => {
  it("sums the producer's own plans from the live stores: shares, money, owners, repeat owners", async () => {
    const kit = makeReservationKit();
    const figs = await kit.givenOpenPlan({ totalShares: 10 });
    const apples = await kit.givenOpenPlan({ totalShares: 10 });
    const buy = (owner: number, planId: string, shares: number) =>
      succeed(
        kit.reservePaid(kit.owner(owner), {
          planId,
          shares,
          shippingRegion: "kanto",
          idempotencyKey: `k-${owner}-${planId}`,
        }),
      );
    await buy(1, figs.id, 2);
    await buy(1, apples.id, 1);
    await buy(2, figs.id, 1);
    const cancelled = await buy(3, apples.id, 3);
    await succeed(cancelOwnership(kit.deps)(kit.owner(3), { ownershipId: cancelled.ownership.id }));

    const summary = await succeed(getProducerSummary(kit.deps)(kit.producer));
    const charges = kit.payments.movements();
    expect(summary).toMatchObject({
      sharesSold: 4,
      owners: 2,
      repeatOwners: 1,
      repeatOwnerRate: 0.5,
    });
    // The books balance, and what was kept is exactly what was charged and not refunded.
    expect(summary.revenueYen).toBe(summary.payoutYen + summary.feesYen);
    expect(summary.refundsYen).toBe(cancelled.ownership.quote.totalYen);
    expect(summary.revenueYen + summary.refundsYen).toBe(
      charges.filter((m) => m.kind === "charge").reduce((sum, m) => sum + m.amountYen, 0),
    );
    expect(summary.plans.map((p) => [p.planId, p.sharesSold, p.owners]).sort()).toEqual(
      [
        [figs.id, 3, 2],
        [apples.id, 1, 1],
      ].sort(),
    );
  });

  it("is the producer's own: another producer sees none of it, owners and admins are refused", async () => {
    const kit = makeReservationKit();
    await kit.givenOpenPlan();
    const other = await succeed(
      getProducerSummary(kit.deps)({ id: "producer_someone-else", role: "producer" }),
    );
    expect(other).toMatchObject({ sharesSold: 0, owners: 0, plans: [] });
    expect((await failWith(getProducerSummary(kit.deps)(kit.owner(1))))._tag).toBe(
      "AUTH.FORBIDDEN",
    );
    expect((await failWith(getProducerSummary(kit.deps)({ id: "root", role: "admin" })))._tag).toBe(
      "AUTH.FORBIDDEN",
    );
  });
});
