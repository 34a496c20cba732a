import { cancelOwnership, expireOffers, joinWaitlist } from "@owners/app";
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
 * A 40-share offer lapses over a line of 40 single-share waiters: withdrawing it and making 40
 * offers in one write was 124 items (over DynamoDB's 100), so every expiry run failed on this
 * plan, before reaching any other. The expiry now withdraws and offers in bounded writes and
 * holds what it could not offer yet for the line, which the follow-up offers.
 */
describe("an offer lapsing over a long line of single shares", () => {
  let table: TestTable;
  let kit: ReservationKit;

  beforeAll(async () => {
    table = await createTestTable();
    kit = makeReservationKit({
      stores: makeDynamoReservationStores(table),
      outbox: makeDynamoOutbox(table),
    });
  });
  afterAll(async () => {
    await table.drop();
  });

  /** A sold-out plan whose big ownership was cancelled: its shares are one offer to `first`. */
  const offeredToOne = async (first: string, waiters: readonly string[]) => {
    const plan = await kit.givenOpenPlan({ totalShares: 60, maxSharesPerOwner: 40 });
    const big = await givenPaidOwnership(kit, plan, kit.owner(`${plan.id}-big`), 40);
    await givenPaidOwnership(kit, plan, kit.owner(`${plan.id}-rest`), 20);
    for (const [owner, shares] of [[first, 40] as const, ...waiters.map((w) => [w, 1] as const)]) {
      await succeed(joinWaitlist(kit.deps)(kit.owner(owner), { planId: plan.id, shares }));
      kit.clock.advance(1);
    }
    await succeed(cancelOwnership(kit.deps)(kit.owner(`${plan.id}-big`), { ownershipId: big.id }));
    return plan;
  };

  const stateOf = async (plan: Plan) => ({
    line: (await succeed(kit.deps.waitlists.load(plan.id, kit.clock.now()))).waitlist,
    plan: await succeed(kit.deps.plans.get(plan.id)),
  });

  it("passes the lapsed shares down the whole line, and goes on to the next plan", async () => {
    const waiters = Array.from({ length: 40 }, (_, i) => `w${String(i).padStart(2, "0")}`);
    const crowded = await offeredToOne("whale", waiters);
    const other = await offeredToOne("other-whale", []);
    const before = await stateOf(crowded);
    expect(before.line.offers.map((o) => [o.ownerId, o.shares])).toEqual([["owner_whale", 40]]);

    kit.clock.advance(kit.deps.config.offerTtlMs + 1);
    const result = await succeed(expireOffers(kit.deps)(kit.system, {}));
    expect(result).toMatchObject({ plans: 2, withdrawnOffers: 2, newOffers: 40 });

    const after = await stateOf(crowded);
    expect(after.line.offers.map((o) => o.ownerId)).toEqual(waiters.map((w) => `owner_${w}`));
    expect(after.line.entries).toEqual([]);
    expect(after.line.heldForLine ?? 0).toBe(0);
    expect(after.plan).toMatchObject({ value: { sharesSold: 20, sharesOffered: 40 } });
    // The other plan's whale let its offer lapse too, with nobody behind: back on sale.
    const second = await stateOf(other);
    expect(second.line.offers).toEqual([]);
    expect(second.plan).toMatchObject({ value: { sharesSold: 20, sharesOffered: 0 } });
  });
});
