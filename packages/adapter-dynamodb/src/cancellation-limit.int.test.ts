import { cancelOwnership, joinWaitlist } from "@owners/app";
import {
  givenPaidOwnership,
  makeReservationKit,
  type ReservationKit,
  succeed,
} from "@owners/app/testing";
import type { Plan } from "@owners/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDynamoOutbox } from "./outbox.ts";
import { makeDynamoReservationStores } from "./reservation-stores.ts";
import { createTestTable, type TestTable } from "./testing/dynamo-test-table.ts";

/**
 * A cancellation frees shares for a long line: by the old arithmetic one write held 9 + 3k items
 * for k offers, so 31 single-share waiters made it 102 (over DynamoDB's 100) and the owner got a
 * 503 after being refunded. The write now makes a bounded number of offers and holds the rest of
 * the freed shares for the line; the following writes offer them. The refund comes after.
 */
describe("cancelling a big ownership of a sold-out plan with a long line", () => {
  let table: TestTable;
  let kit: ReservationKit;
  let plan: Plan;

  beforeAll(async () => {
    table = await createTestTable();
    kit = makeReservationKit({
      stores: makeDynamoReservationStores(table),
      outbox: makeDynamoOutbox(table),
    });
    plan = await kit.givenOpenPlan({ totalShares: 70, maxSharesPerOwner: 35 });
  });
  afterAll(async () => {
    await table.drop();
  });

  it("stays within one transaction's items, offers every waiter in order, then refunds once", async () => {
    const big = await givenPaidOwnership(kit, plan, kit.owner("big"), 35);
    await givenPaidOwnership(kit, plan, kit.owner("rest"), 35);
    const waiters = Array.from({ length: 40 }, (_, i) => kit.owner(`w${i}`));
    for (const waiter of waiters) {
      await succeed(joinWaitlist(kit.deps)(waiter, { planId: plan.id, shares: 1 }));
      kit.clock.advance(1);
    }
    const cancelled = await succeed(
      cancelOwnership(kit.deps)(kit.owner("big"), { ownershipId: big.id }),
    );
    expect(cancelled.status).toBe("cancelled");
    const { waitlist } = await succeed(kit.deps.waitlists.load(plan.id, kit.clock.now()));
    expect(waitlist.offers.map((o) => o.ownerId)).toEqual(waiters.slice(0, 35).map((w) => w.id));
    expect(waitlist.entries.map((e) => e.ownerId)).toEqual(waiters.slice(35).map((w) => w.id));
    expect(await succeed(kit.deps.plans.get(plan.id))).toMatchObject({
      value: { sharesSold: 35, sharesOffered: 35 },
    });
    expect(await succeed(kit.deps.refundIntents.listByPlan(plan.id))).toMatchObject([
      { ownershipId: big.id, state: "succeeded", amountYen: big.quote.totalYen },
    ]);
    expect((await succeed(kit.payments.planTotals(plan.id))).refundedYen).toBe(big.quote.totalYen);
    // Each offer's notice was written by the write that made the offer (each within 100 items).
    const offered = (await succeed(kit.deps.outbox.listPending(100))).filter(
      (m) => m.kind === "waitlist-offer-made",
    );
    expect(offered.map((m) => m.recipientId).sort()).toEqual(
      waiters
        .slice(0, 35)
        .map((w) => w.id)
        .sort(),
    );
  });
});
