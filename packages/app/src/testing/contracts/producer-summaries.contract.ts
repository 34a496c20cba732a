import {
  addMillis,
  auditEntry,
  auditEntryId,
  type LedgerEntry,
  ledgerEntryId,
  type Ownership,
  type Plan,
  producerId,
  producerSummary,
  type Yen,
  yen,
} from "@owners/domain";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { allPages } from "../../all-pages.ts";
import type { ReservationStores } from "../../ports/reservation-stores.ts";
import {
  RESERVATION_TIMES,
  reservationRecords,
  sampleCancelCommand,
  samplePlan,
  sampleReserveCommand,
} from "../reservation-fixtures.ts";
import { succeed } from "./expect-task.ts";
import type { MakeReservationStores, ReservationStoresHarness } from "./reservation-harness.ts";

const DAY = 86_400_000;

/** One step of a producer's life: reservations paid or not, payments, cancellations, credit, fees. */
type Step =
  | { kind: "reserve"; plan: number; owner: number; shares: number; paid: boolean; day: number }
  | { kind: "confirm"; pick: number }
  | { kind: "cancel"; pick: number }
  | { kind: "credit"; plan: number; owner: number; amount: number }
  | { kind: "fee"; plan: number; amount: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("reserve" as const),
      plan: fc.nat(2),
      owner: fc.nat(4),
      shares: fc.integer({ min: 1, max: 3 }),
      paid: fc.boolean(),
      day: fc.nat(3),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("confirm" as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("credit" as const),
      plan: fc.nat(2),
      owner: fc.nat(4),
      amount: fc.integer({ min: -300, max: 2_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("fee" as const),
      plan: fc.nat(2),
      amount: fc.integer({ min: -500, max: 500 }),
    }),
  },
);

/**
 * The behaviour every ProducerSummaries adapter must share (in-memory, DynamoDB): after any
 * sequence of reservations, payments, cancellations with refunds, credit and ledger appends, the
 * kept tallies give exactly the summary recomputed from every ownership and ledger entry.
 */
export const describeProducerSummariesContract = (
  name: string,
  makeHarness: MakeReservationStores,
  options: { readonly runs: number; readonly maxSteps: number } = { runs: 60, maxSteps: 30 },
) => {
  describe(`ProducerSummaries contract: ${name}`, () => {
    let harness: ReservationStoresHarness;
    let stores: ReservationStores;
    beforeEach(async () => {
      harness = await makeHarness();
      stores = harness.subject;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    /** The summary the way it was computed before tallies: from every ownership and entry. */
    const recomputed = async (producer: string) => {
      const plans = await succeed(
        allPages((page) => stores.plans.list({ producerId: producerId(producer) }, page)),
      );
      const ownerships = [];
      const ledger = [];
      for (const plan of plans) {
        ownerships.push(
          ...(await succeed(allPages((page) => stores.ownerships.listByPlan(plan.id, page)))),
        );
        ledger.push(...(await succeed(stores.ledger.listByPlan(plan.id))));
      }
      return producerSummary({ plans, ownerships, ledger });
    };

    let run = 0;
    it("equals the recomputation from ownerships and ledger after any sequence of writes", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(stepArb, { minLength: 1, maxLength: options.maxSteps }),
          async (steps) => {
            // Fresh ids per run: the runs share one store.
            run += 1;
            const producers = [`producer_a${run}`, `producer_b${run}`];
            // Two plans of one producer (repeat owners), one of another.
            const plans: Plan[] = [0, 1, 2].map((i) =>
              samplePlan(
                {
                  id: `plan_${run}_${i}` as Plan["id"],
                  producerId: producerId(producers[i === 2 ? 1 : 0] as string),
                },
                { totalShares: 12, maxSharesPerOwner: 6 },
              ),
            );
            for (const plan of plans) await succeed(stores.plans.create(plan));
            const pending: Ownership[] = [];
            const active: Ownership[] = [];
            let seq = 0;
            for (const step of steps) {
              seq += 1;
              const at = addMillis(RESERVATION_TIMES.during, seq);
              if (step.kind === "reserve") {
                const plan = plans[step.plan] as Plan;
                const reservedAt = addMillis(RESERVATION_TIMES.during, step.day * DAY + seq);
                const base = sampleReserveCommand({
                  plan,
                  owner: `owner_${run}_${step.owner}`,
                  shares: step.shares,
                  at: reservedAt,
                  id: `own_${run}_${seq}`,
                });
                const end = addMillis(reservedAt, 30 * 60_000);
                const command = step.paid
                  ? base
                  : {
                      ...base,
                      ownership: {
                        ...base.ownership,
                        status: "pending_payment" as const,
                        holdExpiresAt: end,
                      },
                      ledgerEntries: [],
                      audit: [],
                    };
                // Sold out or over the owner's cap: refused, and nothing may move.
                const outcome = await stores.ownerships.reserve(command)();
                if (outcome._tag === "Right")
                  (step.paid ? active : pending).push(outcome.right.ownership);
              } else if (step.kind === "confirm" && pending.length > 0) {
                const [hold] = pending.splice(step.pick % pending.length, 1) as [Ownership];
                const paid: Ownership = { ...hold, status: "active", version: hold.version + 1 };
                await succeed(
                  stores.ownerships.confirmPayment({
                    ownership: paid,
                    expectedVersion: hold.version,
                    ...reservationRecords(hold),
                  }),
                );
                active.push(paid);
              } else if (step.kind === "cancel" && active.length + pending.length > 0) {
                const pick = step.pick % (active.length + pending.length);
                if (pick < active.length) {
                  const [owned] = active.splice(pick, 1) as [Ownership];
                  await succeed(stores.ownerships.cancel(sampleCancelCommand(owned, at)));
                } else {
                  const [hold] = pending.splice(pick - active.length, 1) as [Ownership];
                  await succeed(
                    stores.ownerships.cancel({
                      ownership: { ...hold, status: "cancelled", version: hold.version + 1 },
                      expectedVersion: hold.version,
                      expectedStatus: "pending_payment",
                      ledgerEntries: [],
                      audit: [],
                    }),
                  );
                }
              } else if (step.kind === "credit") {
                const plan = plans[step.plan] as Plan;
                const owner = `owner_${run}_${step.owner}`;
                const balance = await succeed(
                  stores.creditBalances.balance(owner as never, plan.producerId),
                );
                // Never below 0 (the store refuses it): a void takes at most the balance.
                const amount = Math.max(step.amount, -balance);
                if (amount === 0) continue;
                const entry: LedgerEntry = {
                  id: ledgerEntryId(`led_credit_${run}_${seq}`),
                  planId: plan.id,
                  kind: "credit",
                  amountYen: amount as Yen,
                  reason: amount >= 0 ? "shortfall-credit" : "credit-spent",
                  at,
                  actor: "system",
                };
                await succeed(
                  stores.creditBalances.record({
                    entries: [entry],
                    audit: [],
                    changes: [
                      { ownerId: owner as never, producerId: plan.producerId, deltaYen: amount },
                    ],
                  }),
                );
              } else if (step.kind === "fee") {
                const plan = plans[step.plan] as Plan;
                const entry: LedgerEntry = {
                  id: ledgerEntryId(`led_fee_${run}_${seq}`),
                  planId: plan.id,
                  kind: "fee",
                  amountYen: step.amount as Yen,
                  reason: "reservation",
                  at,
                  actor: "system",
                };
                const audit = auditEntry({
                  id: auditEntryId(`aud_fee_${run}_${seq}`),
                  at,
                  actor: { id: "system", role: "system" },
                  action: "money.charged",
                  subject: { type: "plan", id: plan.id },
                  planId: plan.id,
                  amountYen: yen(Math.abs(step.amount)),
                });
                await succeed(stores.ledger.append([entry], [audit]));
                // A retried append moves nothing.
                await succeed(stores.ledger.append([entry], [audit]));
              }
            }
            for (const producer of producers) {
              const kept = await succeed(stores.producerSummaries.summaryOf(producerId(producer)));
              expect(kept).toEqual(await recomputed(producer));
            }
          },
        ),
        { numRuns: options.runs },
      );
    }, 600_000);

    it("stays exact when one owner's payments and cancellations at one producer race", async () => {
      const producer = "producer_race";
      const plans = [0, 1].map((i) =>
        samplePlan(
          { id: `plan_race_${i}` as Plan["id"], producerId: producerId(producer) },
          { totalShares: 20, maxSharesPerOwner: 10 },
        ),
      );
      for (const plan of plans) await succeed(stores.plans.create(plan));
      const holds = await Promise.all(
        Array.from({ length: 6 }, async (_, i) => {
          const base = sampleReserveCommand({
            plan: plans[i % 2] as Plan,
            owner: "owner_race",
            shares: 1,
            at: addMillis(RESERVATION_TIMES.during, i),
            id: `own_race_${i}`,
          });
          const command = {
            ...base,
            ownership: { ...base.ownership, status: "pending_payment" as const },
            ledgerEntries: [],
            audit: [],
          };
          const outcome = await succeed(stores.ownerships.reserve(command));
          return outcome.ownership;
        }),
      );
      // Every confirmation computes its owner and repeat-owner deltas from the same standing.
      const paid = await Promise.all(
        holds.map((hold) =>
          succeed(
            stores.ownerships.confirmPayment({
              ownership: { ...hold, status: "active", version: hold.version + 1 },
              expectedVersion: hold.version,
              ...reservationRecords(hold),
            }),
          ),
        ),
      );
      expect(await succeed(stores.producerSummaries.summaryOf(producerId(producer)))).toEqual(
        await recomputed(producer),
      );
      // Then all but one plan's ownerships are cancelled at once: the owner is no repeat owner.
      await Promise.all(
        paid
          .filter((o) => o.planId === plans[1]?.id)
          .map((o) => succeed(stores.ownerships.cancel(sampleCancelCommand(o)))),
      );
      const after = await succeed(stores.producerSummaries.summaryOf(producerId(producer)));
      expect(after).toEqual(await recomputed(producer));
      expect(after).toMatchObject({ owners: 1, repeatOwners: 0, sharesSold: 3 });
    });

    it("is all zero for a producer without plans", async () => {
      const summary = await succeed(stores.producerSummaries.summaryOf(producerId("nobody")));
      expect(summary).toMatchObject({ sharesSold: 0, owners: 0, revenueYen: 0, plans: [] });
      expect(summary.sharesSoldByDay).toEqual([]);
    });
  });
};
