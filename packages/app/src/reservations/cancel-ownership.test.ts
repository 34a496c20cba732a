import { checkBalanced, ownerId, ownershipId } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { givenPaidOwnership } from "../testing/paid-ownership.ts";
import { RESERVATION_TIMES } from "../testing/reservation-fixtures.ts";
import { makeReservationKit } from "../testing/reservation-kit.ts";
import { joinWaitlist } from "../waitlist/join-waitlist.ts";
import { cancelOwnership } from "./cancel-ownership.ts";
import { reserveShares } from "./reserve-shares.ts";

const setup = async (terms = {}) => {
  const kit = makeReservationKit();
  const plan = await kit.givenOpenPlan(terms);
  const reserve = async (owner: string | number, shares: number) => ({
    ownership: await givenPaidOwnership(kit, plan, kit.owner(owner), shares),
  });
  /** What the processor says it refunded on this plan. */
  const processorRefunded = async () =>
    (await succeed(kit.payments.planTotals(plan.id))).refundedYen;
  const cancel = (owner: string | number, id: string) =>
    cancelOwnership(kit.deps)(kit.owner(owner), { ownershipId: id });
  return { kit, plan, reserve, cancel, processorRefunded };
};

describe("cancelOwnership", () => {
  it("cancels before the deadline: full refund at the gateway and in the ledger, shares back on sale", async () => {
    const { kit, plan, reserve, cancel } = await setup();
    const { ownership } = await reserve(1, 3);
    const cancelled = await succeed(cancel(1, ownership.id));
    expect(cancelled).toMatchObject({
      status: "cancelled",
      cancelledAt: RESERVATION_TIMES.during,
      version: ownership.version + 1,
    });
    expect(await succeed(kit.payments.planTotals(plan.id))).toMatchObject({
      chargedYen: ownership.quote.totalYen,
      refundedYen: ownership.quote.totalYen,
    });
    expect(await succeed(kit.deps.refundIntents.listByPlan(plan.id))).toMatchObject([
      {
        ownershipId: ownership.id,
        amountYen: ownership.quote.totalYen,
        state: "succeeded",
        reason: "cancellation",
        paymentIntentId: ownership.payment?.paymentIntentId,
      },
    ]);
    const ledger = await succeed(kit.deps.ledger.listByOwnership(plan.id, ownership.id));
    expect(checkBalanced(ledger)).toMatchObject({
      right: { chargesYen: 17_400, refundsYen: 17_400, payoutsYen: 0, feesYen: 0 },
    });
    expect(await succeed(kit.deps.plans.get(plan.id))).toMatchObject({ value: { sharesSold: 0 } });
    expect(await succeed(kit.deps.ownerships.ownerActiveShares(plan.id, ownerId("owner_1")))).toBe(
      0,
    );
    const audit = await succeed(kit.deps.audit.listBySubject("ownership", ownership.id));
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(["ownership.cancelled", "money.refunded"]),
    );
  });

  it("refuses twice (OWNERSHIP.NOT_ACTIVE) and refunds once", async () => {
    const { reserve, cancel, processorRefunded } = await setup();
    const { ownership } = await reserve(1, 1);
    await succeed(cancel(1, ownership.id));
    expect((await failWith(cancel(1, ownership.id)))._tag).toBe("OWNERSHIP.NOT_ACTIVE");
    expect(await processorRefunded()).toBe(ownership.quote.totalYen);
  });

  it("concurrent cancellations of one ownership refund it once", async () => {
    const { kit, plan, reserve, cancel, processorRefunded } = await setup();
    const { ownership } = await reserve(1, 2);
    const results = await Promise.all([1, 2, 3].map(() => cancel(1, ownership.id)()));
    expect(results.some(E.isRight)).toBe(true);
    expect(await processorRefunded()).toBe(ownership.quote.totalYen);
    const ledger = await succeed(kit.deps.ledger.listByOwnership(plan.id, ownership.id));
    expect(ledger.filter((e) => e.kind === "refund")).toHaveLength(1);
  });

  it("only the owner cancels (OWNERSHIP.NOT_OWNER), only owners (AUTH.FORBIDDEN), only what exists", async () => {
    const { kit, reserve, cancel, processorRefunded } = await setup();
    const { ownership } = await reserve(1, 1);
    expect((await failWith(cancel(2, ownership.id)))._tag).toBe("OWNERSHIP.NOT_OWNER");
    expect(
      (await failWith(cancelOwnership(kit.deps)(kit.producer, { ownershipId: ownership.id })))._tag,
    ).toBe("AUTH.FORBIDDEN");
    expect((await failWith(cancel(1, ownershipId("own_nope"))))._tag).toBe("OWNERSHIP.NOT_FOUND");
    expect(await processorRefunded()).toBe(0);
  });

  it("refuses after the cancellation deadline (OWNERSHIP.CANCELLATION_CLOSED)", async () => {
    const { kit, reserve, cancel } = await setup();
    const { ownership } = await reserve(1, 1);
    kit.clock.set("2026-06-20T00:00:00.001Z");
    expect((await failWith(cancel(1, ownership.id)))._tag).toBe("OWNERSHIP.CANCELLATION_CLOSED");
  });

  it("refuses an unpaid hold past the deadline that was paid while its cancellation was written", async () => {
    const { kit, plan, processorRefunded } = await setup();
    kit.clock.set("2026-06-19T23:58:00.000Z");
    const held = await succeed(
      reserveShares(kit.deps)(kit.owner(1), {
        planId: plan.id,
        shares: 2,
        shippingRegion: "kanto",
        idempotencyKey: "late-night",
      }),
    );
    // Past the deadline, the hold still running: giving up an unpaid hold is allowed...
    kit.clock.set("2026-06-20T00:02:00.000Z");
    let paid = false;
    const racing = {
      ...kit.deps,
      ownerships: {
        ...kit.deps.ownerships,
        // ...but the payment's webhook lands between the cancellation's read and its write.
        cancel: ((command) => async () => {
          if (!paid) {
            paid = true;
            await kit.pay(held.ownership);
          }
          return kit.deps.ownerships.cancel(command)();
        }) as typeof kit.deps.ownerships.cancel,
      },
    };
    const refused = await failWith(
      cancelOwnership(racing)(kit.owner(1), { ownershipId: held.ownership.id }),
    );
    expect(refused._tag).toBe("OWNERSHIP.CANCELLATION_CLOSED");
    expect(await succeed(kit.deps.ownerships.get(held.ownership.id))).toMatchObject({
      value: { status: "active" },
    });
    expect(await processorRefunded()).toBe(0);
  });

  it("offers the freed shares to the waitlist in FIFO order, holding them from public sale", async () => {
    const { kit, plan, reserve, cancel } = await setup({ totalShares: 4, maxSharesPerOwner: 3 });
    const { ownership } = await reserve(1, 3);
    await reserve(2, 1);
    const join = (owner: string, shares: number) =>
      succeed(joinWaitlist(kit.deps)(kit.owner(owner), { planId: plan.id, shares }));
    expect(await join("a", 2)).toMatchObject({ position: 1 });
    kit.clock.advance(1);
    expect(await join("b", 2)).toMatchObject({ position: 2 });
    await succeed(cancel(1, ownership.id));
    const { waitlist } = await succeed(kit.deps.waitlists.load(plan.id, kit.clock.now()));
    expect(waitlist.offers.map((o) => [o.ownerId, o.shares])).toEqual([
      ["owner_a", 2],
      ["owner_b", 1],
    ]);
    expect(waitlist.entries).toEqual([]);
    expect(await succeed(kit.deps.plans.get(plan.id))).toMatchObject({
      value: { sharesSold: 1, sharesOffered: 3 },
    });
    const outsider = await failWith(
      reserveShares(kit.deps)(kit.owner("c"), {
        planId: plan.id,
        shares: 1,
        shippingRegion: "kanto",
        idempotencyKey: "c",
      }),
    );
    expect(outsider._tag).toBe("PLAN.SOLD_OUT");
  });
});
