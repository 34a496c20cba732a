import {
  isRefundIntentOpen,
  type LedgerEntry,
  ledgerBalance,
  type Plan,
  type RefundIntent,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { Clock } from "../ports/clock.ts";
import type { LedgerRepository } from "../ports/ledger-repository.ts";
import type { PaymentGateway } from "../ports/payment-gateway.ts";
import type {
  MoneyTotals,
  ReconciliationMismatch,
  ReconciliationMismatches,
} from "../ports/reconciliation-mismatches.ts";
import type { RefundIntentStore } from "../ports/refund-intents.ts";

export interface PlanReconciliationDeps {
  readonly ledger: LedgerRepository;
  readonly refundIntents: RefundIntentStore;
  readonly payments: Pick<PaymentGateway, "planTotals">;
  readonly reconciliation: ReconciliationMismatches;
  readonly clock: Clock;
}

/**
 * Whether an entry belongs to the refund an intent makes: a release's reversal (its ownership and
 * reason), or the shortfall round whose refund entry the intent is named after (the round's
 * entries share its ownership, reason and time; an ownership's other rounds are not this refund).
 */
const madeBy = (entries: readonly LedgerEntry[], intent: RefundIntent) => {
  const round =
    intent.reason === "shortfall-refund" ? entries.find((e) => e.id === intent.id) : undefined;
  return (e: LedgerEntry) =>
    e.ownershipId === intent.ownershipId &&
    e.reason === intent.reason &&
    (intent.reason !== "shortfall-refund" || e.at === round?.at);
};

/**
 * The ledger's money as the processor should have it now: the reversal entries of refunds still
 * open (committed, not yet made: pending or declined) are left out, since the processor has not
 * moved that money yet. Once the refund succeeds they count again and must match.
 */
export const settledLedgerTotals = (
  entries: readonly LedgerEntry[],
  intents: readonly RefundIntent[],
): MoneyTotals => {
  const open = intents.filter(isRefundIntentOpen).map((i) => madeBy(entries, i));
  const settled = entries.filter((e) => !open.some((made) => made(e)));
  const balance = ledgerBalance(settled);
  return {
    chargedYen: balance.chargesYen,
    refundedYen: balance.refundsYen,
    feesYen: balance.feesYen,
    payoutYen: balance.payoutsYen,
  };
};

const same = (a: MoneyTotals, b: MoneyTotals) =>
  a.chargedYen === b.chargedYen &&
  a.refundedYen === b.refundedYen &&
  a.feesYen === b.feesYen &&
  a.payoutYen === b.payoutYen;

const zero = (t: MoneyTotals) =>
  t.chargedYen === 0 && t.refundedYen === 0 && t.feesYen === 0 && t.payoutYen === 0;

export type PlanReconciliation =
  | { readonly kind: "no-money" }
  | { readonly kind: "matched" }
  | { readonly kind: "mismatched"; readonly mismatch: ReconciliationMismatch };

/**
 * Compares one plan's ledger (charges, refunds, fees, payouts; open refunds left out) with the
 * processor's totals for it. A mismatch is stored for admins (replacing the plan's last one); a
 * match clears it. Plans with no money on either side are skipped.
 */
export const reconcilePlan =
  (deps: PlanReconciliationDeps) =>
  (plan: Pick<Plan, "id">): TE.TaskEither<AppError, PlanReconciliation> =>
    pipe(
      TE.Do,
      TE.apS("entries", deps.ledger.listByPlan(plan.id)),
      TE.apS("intents", deps.refundIntents.listByPlan(plan.id)),
      TE.apS("processor", deps.payments.planTotals(plan.id)),
      TE.chain(({ entries, intents, processor }): TE.TaskEither<AppError, PlanReconciliation> => {
        const ledger = settledLedgerTotals(entries, intents);
        const theirs: MoneyTotals = {
          chargedYen: processor.chargedYen,
          refundedYen: processor.refundedYen,
          feesYen: processor.feesYen,
          payoutYen: processor.payoutYen,
        };
        if (zero(ledger) && zero(theirs)) return TE.right({ kind: "no-money" });
        if (same(ledger, theirs))
          return pipe(
            deps.reconciliation.clear(plan.id),
            TE.map(() => ({ kind: "matched" as const })),
          );
        const mismatch: ReconciliationMismatch = {
          planId: plan.id,
          ledger,
          processor: theirs,
          detectedAt: deps.clock.now(),
          lastCheckedAt: deps.clock.now(),
        };
        return pipe(
          deps.reconciliation.record(mismatch),
          TE.map(() => ({ kind: "mismatched" as const, mismatch })),
        );
      }),
    );
