import {
  auditEntry,
  auditEntryId,
  type LedgerEntry,
  ledgerBalance,
  ledgerEntryId,
  type OwnerId,
  type OwnershipId,
  ownerId,
  ownershipId,
  type ProducerId,
  planId,
  producerId,
  type Yen,
  yen,
} from "@owners/domain";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { makeReservationKit, type ReservationKit } from "../testing/reservation-kit.ts";
import { cancelOwnership } from "./cancel-ownership.ts";

const EARLIER_PLAN = planId("plan_last_season");
const FARM = producerId("producer_fig-farm");

/** Store credit from an earlier plan's short harvest, as the settlement records it. */
const giveCredit = (
  kit: ReservationKit,
  owner: OwnerId,
  amount: number,
  id: string,
  producer: ProducerId = FARM,
) =>
  succeed(
    kit.deps.creditBalances.record({
      entries: [
        {
          id: ledgerEntryId(`led_${id}`),
          planId: EARLIER_PLAN,
          ownershipId: ownershipId(`own_${id}`),
          kind: "credit",
          amountYen: amount as Yen,
          reason: "shortfall-credit",
          at: kit.clock.now(),
          actor: "batch-allocate",
        },
      ],
      audit: [
        auditEntry({
          id: auditEntryId(`aud_${id}`),
          at: kit.clock.now(),
          actor: { id: "batch-allocate", role: "system" },
          action: "money.credited",
          subject: { type: "ownership", id: `own_${id}` },
          planId: EARLIER_PLAN,
          amountYen: yen(amount),
        }),
      ],
      changes: [{ ownerId: owner, producerId: producer, deltaYen: amount }],
    }),
  );

const setUp = async () => {
  const kit = makeReservationKit();
  const plan = await kit.givenOpenPlan({ totalShares: 30, maxSharesPerOwner: 3 });
  /** Reserves and pays what is left to pay at the checkout. */
  const reserve = (owner: string, shares: number, key: string, useCredit?: boolean) =>
    kit.reservePaid(kit.owner(owner), {
      planId: plan.id,
      shares,
      shippingRegion: "kanto",
      idempotencyKey: key,
      ...(useCredit === undefined ? {} : { useCredit }),
    });
  const balance = (owner: string) =>
    succeed(kit.deps.creditBalances.balance(ownerId(`owner_${owner}`), plan.producerId));
  const ledger = () => succeed(kit.deps.ledger.listByPlan(plan.id));
  const charged = () => kit.payments.totals();
  return { kit, plan, reserve, balance, ledger, charged };
};

const byReason = (entries: readonly LedgerEntry[], reason: LedgerEntry["reason"]) =>
  entries.filter((e) => e.reason === reason).map((e) => [e.kind, e.amountYen]);

describe("store credit on a reservation", () => {
  it("is spent first, in the reservation's write: the charge, fee and payout are on the cash part", async () => {
    const { kit, reserve, balance, ledger, charged } = await setUp();
    await giveCredit(kit, ownerId("owner_ann"), 3000, "ann");
    const { ownership } = await succeed(reserve("ann", 2, "k1"));
    // 2 shares: 10,000 + 1,600 shipping = 11,600; 3,000 of it paid by credit.
    expect(ownership.creditAppliedYen).toBe(3000);
    expect(await balance("ann")).toBe(0);
    expect(charged().chargedYen).toBe(8600);
    const entries = await ledger();
    expect(byReason(entries, "reservation").sort()).toEqual(
      [
        ["charge", 8600],
        ["fee", 860],
        ["payout", 7740],
      ].sort(),
    );
    expect(byReason(entries, "credit-spent")).toEqual([["credit", -3000]]);
    expect(ledgerBalance(entries).isBalanced).toBe(true);
    const audit = await succeed(kit.deps.audit.listBySubject("ownership", ownership.id));
    expect(audit.map((a) => [a.action, a.amountYen])).toEqual(
      expect.arrayContaining([
        ["money.charged", 8600],
        ["money.credit_spent", 3000],
      ]),
    );
  });

  it("is left alone when the owner says so, and never crosses producers", async () => {
    const { kit, reserve, balance, charged } = await setUp();
    await giveCredit(kit, ownerId("owner_bo"), 3000, "bo");
    await giveCredit(kit, ownerId("owner_cy"), 3000, "cy", producerId("producer_other"));
    const kept = await succeed(reserve("bo", 1, "k1", false));
    expect(kept.ownership.creditAppliedYen).toBeUndefined();
    expect(await balance("bo")).toBe(3000);
    const elsewhere = await succeed(reserve("cy", 1, "k2"));
    expect(elsewhere.ownership.creditAppliedYen).toBeUndefined();
    expect(charged().chargedYen).toBe(2 * 5800);
  });

  it("pays a reservation in full: no charge at the processor, active at once", async () => {
    const { kit, reserve, balance, ledger, charged } = await setUp();
    await giveCredit(kit, ownerId("owner_di"), 20_000, "di");
    const { ownership } = await succeed(reserve("di", 2, "k1"));
    expect(ownership).toMatchObject({ status: "active", creditAppliedYen: 11_600 });
    expect(charged().chargedYen).toBe(0);
    expect(kit.payments.movements()).toEqual([]);
    expect(await balance("di")).toBe(8400);
    expect(ledgerBalance(await ledger())).toMatchObject({ isBalanced: true, chargesYen: 0 });
    // A repeat of the request spends nothing again.
    expect((await succeed(reserve("di", 2, "k1"))).replayed).toBe(true);
    expect(await balance("di")).toBe(8400);
  });

  it("comes back to the balance when the owner cancels, with the cash refunded", async () => {
    const { kit, reserve, balance, ledger, charged } = await setUp();
    await giveCredit(kit, ownerId("owner_ed"), 3000, "ed");
    const { ownership } = await succeed(reserve("ed", 2, "k1"));
    await succeed(cancelOwnership(kit.deps)(kit.owner("ed"), { ownershipId: ownership.id }));
    expect(await balance("ed")).toBe(3000);
    expect(charged()).toEqual({ chargedYen: 8600, refundedYen: 8600 });
    const entries = await ledger();
    expect(byReason(entries, "credit-released")).toEqual([["credit", 3000]]);
    expect(ledgerBalance(entries)).toMatchObject({ isBalanced: true, creditsYen: 0 });
  });

  it("never spends credit the balance no longer holds (two reservations racing)", async () => {
    const { kit, reserve, balance } = await setUp();
    await giveCredit(kit, ownerId("owner_fa"), 5000, "fa");
    const results = await Promise.all([reserve("fa", 1, "a")(), reserve("fa", 1, "b")()]);
    const spent = results
      .filter(E.isRight)
      .reduce((sum, r) => sum + (r.right.ownership.creditAppliedYen ?? 0), 0);
    expect(results.every(E.isRight)).toBe(true);
    expect(spent).toBe(5000);
    expect(await balance("fa")).toBe(0);
  });

  it("refuses nothing for lack of credit: a balance of 0 just means paying in cash", async () => {
    const { reserve, balance } = await setUp();
    const { ownership } = await succeed(reserve("gi", 1, "k"));
    expect(ownership.creditAppliedYen).toBeUndefined();
    expect(await balance("gi")).toBe(0);
    expect((await failWith(reserve("gi", 9, "k2")))._tag).toBe("PLAN.OWNER_LIMIT");
  });

  /**
   * Any interleaving of credit given, reservations (with or without credit) and cancellations:
   * the plan's money equation holds on processor money only, the processor moved exactly what the
   * ledger says, and every balance is what its credit entries add up to, never below 0.
   */
  it("keeps the money equation and the balances for any sequence", async () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant("credit" as const),
        owner: fc.integer({ min: 0, max: 3 }),
        amount: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 40_000 })),
      }),
      fc.record({
        kind: fc.constant("reserve" as const),
        owner: fc.integer({ min: 0, max: 3 }),
        shares: fc.integer({ min: 1, max: 3 }),
        useCredit: fc.boolean(),
      }),
      fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const { kit, plan, reserve, ledger } = await setUp();
        const owned: OwnershipId[] = [];
        for (const [i, o] of ops.entries()) {
          if (o.kind === "credit")
            await giveCredit(kit, ownerId(`owner_${o.owner}`), o.amount, `c${i}`);
          else if (o.kind === "reserve") {
            const r = await reserve(String(o.owner), o.shares, `k${i}`, o.useCredit)();
            if (E.isRight(r)) owned.push(r.right.ownership.id);
            else expect(["PLAN.OWNER_LIMIT", "PLAN.SOLD_OUT"]).toContain(r.left._tag);
          } else if (owned.length > 0) {
            const id = owned[o.pick % owned.length] as OwnershipId;
            const stored = await succeed(kit.deps.ownerships.get(id));
            if (stored._tag === "Some" && stored.value.status === "active")
              await succeed(
                cancelOwnership(kit.deps)(
                  { id: stored.value.ownerId, role: "owner" },
                  { ownershipId: id },
                ),
              );
          }
        }
        const entries = await ledger();
        const balance = ledgerBalance(entries);
        expect(balance.isBalanced).toBe(true);
        const processor = kit.payments.totals();
        expect(processor.chargedYen - processor.refundedYen).toBe(
          balance.chargesYen - balance.refundsYen,
        );
        const earlier = await succeed(kit.deps.ledger.listByPlan(EARLIER_PLAN));
        for (let owner = 0; owner < 4; owner++) {
          const id = `owner_${owner}`;
          const ownershipsOf = new Set(
            (
              await succeed(
                kit.deps.ownerships.listByOwnerAndProducer(ownerId(id), plan.producerId),
              )
            ).map((o) => o.id as string),
          );
          const issued = earlier
            .filter((e) => e.id.startsWith("led_c"))
            .filter((e) => ops[Number(e.id.slice(5))]?.kind === "credit")
            .filter((e) => (ops[Number(e.id.slice(5))] as { owner: number }).owner === owner)
            .reduce((sum, e) => sum + e.amountYen, 0);
          const moved = entries
            .filter((e) => e.kind === "credit" && e.ownershipId !== undefined)
            .filter((e) => ownershipsOf.has(e.ownershipId as string))
            .reduce((sum, e) => sum + e.amountYen, 0);
          const stored = await succeed(
            kit.deps.creditBalances.balance(ownerId(id), plan.producerId),
          );
          expect(stored).toBe(issued + moved);
          expect(stored).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 80 },
    );
  }, 120_000);
});
