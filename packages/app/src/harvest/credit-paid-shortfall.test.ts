import {
  amountToCharge,
  auditEntry,
  auditEntryId,
  instant,
  ledgerBalance,
  ledgerEntryId,
  ownerId,
  ownershipId,
  planId,
  yen,
} from "@owners/domain";
import { describe, expect, it } from "vitest";
import { reservationRecords } from "../reservations/reservation-steps.ts";
import { succeed } from "../testing/contracts/expect-task.ts";
import { makeHarvestWorld } from "../testing/harvest-world.ts";
import { sampleReserveCommand } from "../testing/reservation-fixtures.ts";

describe("a shortfall on a reservation paid partly with store credit", () => {
  it("refunds the cash it can and gives the rest back as credit; the money equation holds", async () => {
    const world = makeHarvestWorld();
    const open = await world.openPlan("plan_mixed", { maxSharesPerOwner: 3 });
    // Ann holds 10,000 yen of credit at the producer from last season.
    const ann = ownerId("ann");
    await succeed(
      world.deps.creditBalances.record({
        entries: [
          {
            id: ledgerEntryId("led_last"),
            planId: planId("plan_last"),
            ownershipId: ownershipId("own_last"),
            kind: "credit",
            amountYen: yen(10_000),
            reason: "shortfall-credit",
            at: world.clock.now(),
            actor: "batch",
          },
        ],
        audit: [
          auditEntry({
            id: auditEntryId("aud_last"),
            at: world.clock.now(),
            actor: { id: "batch", role: "system" },
            action: "money.credited",
            subject: { type: "ownership", id: "own_last" },
            planId: planId("plan_last"),
            amountYen: yen(10_000),
          }),
        ],
        changes: [{ ownerId: ann, producerId: open.producerId, deltaYen: 10_000 }],
      }),
    );
    // 2 shares: 10,000 + 1,600 shipping; the credit pays 10,000, the card 1,600.
    const command = sampleReserveCommand({ plan: open, owner: "ann", shares: 2, id: "own_ann" });
    const withCredit = { ...command.ownership, creditAppliedYen: yen(10_000) };
    const session = await succeed(
      world.payments.startCheckout({
        idempotencyKey: withCredit.id,
        ownershipId: withCredit.id,
        planId: open.id,
        ownerId: ann,
        amountYen: amountToCharge(withCredit),
        applicationFeeYen: yen(160),
        description: open.title,
        expiresAt: instant("2026-06-10T01:00:00.000Z"),
        returnUrl: "http://localhost/me",
      }),
    );
    const paid = world.payments.settleCheckout(session.paymentId, "succeeded", world.clock.now());
    if (paid._tag === "Left" || !("paymentIntentId" in paid.right)) throw new Error("not paid");
    const ownership = {
      ...withCredit,
      payment: {
        id: session.paymentId,
        status: "succeeded" as const,
        expiresAt: instant("2026-06-10T01:00:00.000Z"),
        paymentIntentId: paid.right.paymentIntentId as string,
        amountYen: amountToCharge(withCredit),
      },
    };
    const records = await succeed(reservationRecords(world.deps, world.owner("ann"), ownership));
    await succeed(
      world.deps.ownerships.reserve({
        ...command,
        ownership,
        creditSpend: { ownerId: ann, producerId: open.producerId, amountYen: yen(10_000) },
        ...records,
      }),
    );
    await world.reserve(open, "bob", 2, 1);
    const plan = await world.closePlan(open.id);
    // 16 packs entitled, 4 harvested: Ann gets 2 of 8, 6 missing = 7,500 yen of her 10,000 goods.
    await world.addLot(plan, "lot_1", 4);
    expect(await world.completeHarvest(plan)).toMatchObject({ refundFailures: 0 });

    const ledger = await succeed(world.deps.ledger.listByOwnership(plan.id, ownership.id));
    const sum = (reason: string) =>
      ledger.filter((e) => e.reason === reason).reduce((s, e) => s + e.amountYen, 0 as number);
    const refunded = ledger
      .filter((e) => e.kind === "refund" && e.reason === "shortfall-refund")
      .reduce((s, e) => s + e.amountYen, 0);
    // The card took 1,600: all of it comes back; the other 5,900 are credit again.
    expect(refunded).toBe(1600);
    expect(sum("shortfall-credit")).toBe(5900);
    expect(await succeed(world.deps.creditBalances.balance(ann, plan.producerId))).toBe(5900);
    expect((await succeed(world.payments.planTotals(plan.id))).refundedYen).toBe(1600 + 7500);
    const all = ledgerBalance(await succeed(world.deps.ledger.listByPlan(plan.id)));
    expect(all.isBalanced).toBe(true);
    expect(all.chargesYen - all.refundsYen).toBe(1600 + 11_600 - (1600 + 7500));
  });
});
