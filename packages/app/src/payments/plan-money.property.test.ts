import { ledgerEntryId, type Ownership, partialRefundEntries, type Yen } from "@owners/domain";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { cancelOwnership } from "../reservations/cancel-ownership.ts";
import { finishRefundIntent } from "../reservations/finish-refund-intent.ts";
import { succeed } from "../testing/contracts/expect-task.ts";
import { givenPaidOwnership, givenUnpaidOwnership } from "../testing/paid-ownership.ts";
import { makeReservationKit } from "../testing/reservation-kit.ts";
import { getPlanMoney } from "./plan-money.ts";

type Step =
  | { readonly kind: "pay"; readonly shares: number }
  | { readonly kind: "hold"; readonly shares: number }
  | { readonly kind: "cancel"; readonly pick: number; readonly outage: boolean }
  | { readonly kind: "partial"; readonly pick: number; readonly yen: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("pay" as const), shares: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant("hold" as const), shares: fc.integer({ min: 1, max: 3 }) }),
  fc.record({
    kind: fc.constant("cancel" as const),
    pick: fc.nat(),
    outage: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("partial" as const),
    pick: fc.nat(),
    yen: fc.integer({ min: 1, max: 20_000 }),
  }),
);

/**
 * Any sequence of paid and unpaid reservations, owner cancellations (some while the processor is
 * down, finished later as reconciliation does) and partial refunds: the statement adds up to the
 * yen, agrees with what the processor moved, and counts unpaid holds as pending only.
 */
describe("GET /plans/{id}/money, as a property", () => {
  it("charged − refunded = payout + fees, and the ledger agrees with the processor", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        const kit = makeReservationKit();
        const plan = await kit.givenOpenPlan({ totalShares: 100, maxSharesPerOwner: 5 });
        const owned: Ownership[] = [];
        let partials = 0;
        for (const [i, s] of steps.entries()) {
          const owner = kit.owner(`p${i}`);
          if (s.kind === "pay") owned.push(await givenPaidOwnership(kit, plan, owner, s.shares));
          else if (s.kind === "hold")
            owned.push(await givenUnpaidOwnership(kit, plan, owner, s.shares));
          else if (owned.length > 0) {
            const target = owned[s.pick % owned.length] as Ownership;
            const current = await succeed(kit.deps.ownerships.get(target.id));
            if (current._tag === "None" || current.value.status === "cancelled") continue;
            if (s.kind === "cancel") {
              kit.payments.setAvailable(!s.outage);
              await succeed(
                cancelOwnership(kit.deps)(
                  { id: target.ownerId, role: "owner" },
                  { ownershipId: target.id },
                ),
              );
              kit.payments.setAvailable(true);
            } else if (current.value.status === "active") {
              const history = await succeed(kit.deps.ledger.listByOwnership(plan.id, target.id));
              partials += 1;
              const entries = partialRefundEntries(
                {
                  planId: plan.id,
                  ownershipId: target.id,
                  at: kit.clock.now(),
                  actor: "test",
                  entryId: (kind) => ledgerEntryId(`led_partial_${partials}_${kind}`),
                },
                {
                  refundYen: s.yen as Yen,
                  feeBps: plan.platformFeeBps,
                  reason: "shortfall-refund",
                  history,
                },
              );
              // More than is left is refused by the ledger: nothing is refunded then.
              if (E.isLeft(entries) || entries.right.length === 0) continue;
              await succeed(kit.deps.ledger.append(entries.right, []));
              await succeed(
                kit.payments.refundPayment({
                  idempotencyKey: `partial-${partials}`,
                  paymentIntentId: target.payment?.paymentIntentId ?? "",
                  amountYen: s.yen as Yen,
                  planId: plan.id,
                  ownershipId: target.id,
                }),
              );
            }
          }
        }
        // Reconciliation finishes what the outages left pending.
        for (const intent of await succeed(kit.deps.refundIntents.listOpen(100)))
          await succeed(finishRefundIntent(kit.deps)(intent));

        const money = await succeed(getPlanMoney(kit.deps)(kit.producer, { planId: plan.id }));
        expect(money.chargedYen - money.refundedYen).toBe(money.payoutYen + money.feesYen);
        const processor = await succeed(kit.payments.planTotals(plan.id));
        expect(money.chargedYen).toBe(processor.chargedYen);
        expect(money.refundedYen).toBe(processor.refundedYen);
        expect(money.refundsPendingYen).toBe(0);
        const stillHeld = await Promise.all(
          owned.map(async (o): Promise<number> => {
            const now = await succeed(kit.deps.ownerships.get(o.id));
            return now._tag === "Some" && now.value.status === "pending_payment"
              ? o.quote.totalYen
              : 0;
          }),
        );
        expect(money.pendingYen).toBe(stillHeld.reduce((a, b) => a + b, 0));
      }),
      { numRuns: 30 },
    );
  });
});
