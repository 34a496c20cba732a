import {
  addMillis,
  auditEntry,
  auditEntryId,
  type LedgerEntry,
  ledgerEntryId,
  ownerId,
  ownershipId,
  planId,
  producerId,
  type Yen,
  yen,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CreditRecord } from "../../ports/credit-balances.ts";
import type { ReservationStores } from "../../ports/reservation-stores.ts";
import {
  RESERVATION_TIMES,
  sampleCancelCommand,
  samplePlan,
  sampleReserveCommand,
} from "../reservation-fixtures.ts";
import { failWith, succeed } from "./expect-task.ts";
import type { MakeReservationStores, ReservationStoresHarness } from "./reservation-harness.ts";

const PLAN = planId("plan_credit");
const OWNER = ownerId("owner_credit");
const PRODUCER = producerId("producer_credit");
const at = (ms: number) => addMillis(RESERVATION_TIMES.during, ms);

/** A credit movement of `amount` (signed) with its entry and audit entry, named by `id`. */
const movement = (
  id: string,
  amount: number,
  owner = OWNER,
  producer = PRODUCER,
  reason: LedgerEntry["reason"] = amount >= 0 ? "shortfall-credit" : "credit-spent",
): CreditRecord => ({
  entries: [
    {
      id: ledgerEntryId(`led_${id}`),
      planId: PLAN,
      ownershipId: ownershipId(`own_${id}`),
      kind: "credit",
      amountYen: amount as Yen,
      reason,
      at: at(0),
      actor: "system",
    },
  ],
  audit: [
    auditEntry({
      id: auditEntryId(`aud_${id}`),
      at: at(0),
      actor: { id: "system", role: "system" },
      action: amount >= 0 ? "money.credited" : "money.credit_spent",
      subject: { type: "ownership", id: `own_${id}` },
      planId: PLAN,
      amountYen: yen(Math.abs(amount)),
    }),
  ],
  changes: [{ ownerId: owner, producerId: producer, deltaYen: amount }],
});

/**
 * The behaviour every CreditBalances adapter must share (in-memory, DynamoDB): balances move only
 * with the ledger entries that explain them, never twice, and never below 0 however many spends
 * race, whether recorded here or inside a reservation or a cancellation.
 */
export const describeCreditBalancesContract = (
  name: string,
  makeHarness: MakeReservationStores,
) => {
  describe(`CreditBalances contract: ${name}`, () => {
    let harness: ReservationStoresHarness;
    let stores: ReservationStores;
    beforeEach(async () => {
      harness = await makeHarness();
      stores = harness.subject;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    const balance = (owner = OWNER, producer = PRODUCER) =>
      succeed(stores.creditBalances.balance(owner, producer));
    const creditInLedger = async () =>
      (await succeed(stores.ledger.listByPlan(PLAN)))
        .filter((e) => e.kind === "credit")
        .reduce((sum, e) => sum + e.amountYen, 0);

    it("is 0 before any credit, and moves with the entries that explain it", async () => {
      expect(await balance()).toBe(0);
      await succeed(stores.creditBalances.record(movement("a", 1500)));
      await succeed(stores.creditBalances.record(movement("b", -400)));
      expect(await balance()).toBe(1100);
      expect(await creditInLedger()).toBe(1100);
      expect((await succeed(stores.audit.listByPlan(PLAN))).map((e) => e.id)).toEqual([
        "aud_a",
        "aud_b",
      ]);
    });

    it("lists an owner's non-zero balances by producer, and only that owner's", async () => {
      await succeed(stores.creditBalances.record(movement("a", 700, OWNER, producerId("p_b"))));
      await succeed(stores.creditBalances.record(movement("b", 300, OWNER, producerId("p_a"))));
      await succeed(stores.creditBalances.record(movement("c", 50, ownerId("someone_else"))));
      await succeed(stores.creditBalances.record(movement("d", 200, OWNER, producerId("p_c"))));
      await succeed(stores.creditBalances.record(movement("e", -200, OWNER, producerId("p_c"))));
      expect(await succeed(stores.creditBalances.listByOwner(OWNER))).toEqual([
        { ownerId: OWNER, producerId: "p_a", balanceYen: 300 },
        { ownerId: OWNER, producerId: "p_b", balanceYen: 700 },
      ]);
      expect(await succeed(stores.creditBalances.listByOwner(ownerId("nobody")))).toEqual([]);
    });

    it("sums several changes of one balance in one record", async () => {
      const a = movement("a", 500);
      const b = movement("b", 250);
      await succeed(
        stores.creditBalances.record({
          entries: [...a.entries, ...b.entries],
          audit: [...a.audit, ...b.audit],
          changes: [...a.changes, ...b.changes],
        }),
      );
      expect(await balance()).toBe(750);
    });

    it("moves nothing twice: a repeated record is a no-op, a different one under its id refused", async () => {
      await succeed(stores.creditBalances.record(movement("a", 1500)));
      await succeed(stores.creditBalances.record(movement("a", 1500)));
      expect(await balance()).toBe(1500);
      const different = movement("a", 900);
      expect((await failWith(stores.creditBalances.record(different)))._tag).toBe(
        "STORE.DUPLICATE",
      );
      expect(await balance()).toBe(1500);
      expect(await creditInLedger()).toBe(1500);
    });

    it("never goes below 0: a spend beyond the balance writes nothing", async () => {
      await succeed(stores.creditBalances.record(movement("a", 300)));
      expect((await failWith(stores.creditBalances.record(movement("b", -301))))._tag).toBe(
        "CREDIT.INSUFFICIENT",
      );
      expect(
        (await failWith(stores.creditBalances.record(movement("c", -1, ownerId("x")))))._tag,
      ).toBe("CREDIT.INSUFFICIENT");
      expect(await balance()).toBe(300);
      expect(await creditInLedger()).toBe(300);
    });

    it("lets concurrent spends take at most the balance", async () => {
      await succeed(stores.creditBalances.record(movement("seed", 1000)));
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          stores.creditBalances.record(movement(`s${i}`, -300))(),
        ),
      );
      const spent = results.filter(E.isRight).length;
      expect(spent).toBeGreaterThanOrEqual(1);
      expect(spent).toBeLessThanOrEqual(3);
      for (const r of results)
        if (E.isLeft(r))
          expect(["CREDIT.INSUFFICIENT", "STORE.UNAVAILABLE"]).toContain(r.left._tag);
      expect(await balance()).toBe(1000 - 300 * spent);
      expect(await creditInLedger()).toBe(1000 - 300 * spent);
    });

    describe("inside reservations and cancellations", () => {
      const plan = samplePlan(
        { id: PLAN, producerId: PRODUCER },
        { totalShares: 40, maxSharesPerOwner: 3 },
      );
      const reserveSpending = (owner: string, credit: number) => {
        const command = sampleReserveCommand({ plan, owner, shares: 1, id: `own_${owner}` });
        return stores.ownerships.reserve({
          ...command,
          ownership: { ...command.ownership, creditAppliedYen: credit as Yen },
          creditSpend: { ownerId: ownerId(owner), producerId: PRODUCER, amountYen: credit as Yen },
        });
      };

      it("spends the balance in the reservation's write, and gives it back on cancellation", async () => {
        await succeed(stores.plans.create(plan));
        await succeed(stores.creditBalances.record(movement("seed", 2000, ownerId("ann"))));
        const { ownership } = await succeed(reserveSpending("ann", 1200));
        expect(ownership.creditAppliedYen).toBe(1200);
        expect(await balance(ownerId("ann"))).toBe(800);
        await succeed(
          stores.ownerships.cancel({
            ...sampleCancelCommand(ownership),
            creditRelease: { ownerId: ownerId("ann"), producerId: PRODUCER, amountYen: yen(1200) },
          }),
        );
        expect(await balance(ownerId("ann"))).toBe(2000);
      });

      it("refuses a reservation whose credit is no longer there, writing nothing", async () => {
        await succeed(stores.plans.create(plan));
        await succeed(stores.creditBalances.record(movement("seed", 500, ownerId("bo"))));
        expect((await failWith(reserveSpending("bo", 501)))._tag).toBe("CREDIT.INSUFFICIENT");
        expect(await balance(ownerId("bo"))).toBe(500);
        expect(await succeed(stores.ownerships.ownerActiveShares(PLAN, ownerId("bo")))).toBe(0);
      });

      it("lets concurrent reservations spend at most the balance", async () => {
        await succeed(stores.plans.create(plan));
        // One owner at one producer, spending from one balance on several of its plans' shares.
        const owner = ownerId("cy");
        await succeed(stores.creditBalances.record(movement("seed", 1000, owner)));
        const results = await Promise.all(
          Array.from({ length: 6 }, (_, i) => {
            const command = sampleReserveCommand({
              plan,
              owner: `cy`,
              shares: 1,
              id: `own_cy_${i}`,
            });
            return stores.ownerships.reserve({
              ...command,
              maxSharesPerOwner: plan.maxSharesPerOwner,
              ownership: {
                ...command.ownership,
                idempotencyKey: `key_${i}`,
                creditAppliedYen: yen(400),
              },
              creditSpend: { ownerId: owner, producerId: PRODUCER, amountYen: yen(400) },
            })();
          }),
        );
        const reserved = results.filter(E.isRight).length;
        expect(reserved).toBeLessThanOrEqual(2);
        expect(await balance(owner)).toBe(1000 - 400 * reserved);
        expect(await balance(owner)).toBeGreaterThanOrEqual(0);
      });
    });
  });
};
