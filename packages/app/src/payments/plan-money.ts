import {
  type LedgerEntry,
  ledgerBalance,
  type Ownership,
  type Plan,
  type RefundIntent,
  sumYen,
  type Yen,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireProducerOrAdmin } from "../access.ts";
import type { Actor } from "../actor.ts";
import { allPages } from "../all-pages.ts";
import type { AppError } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import type { LedgerRepository } from "../ports/ledger-repository.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";
import type { RefundIntentStore } from "../ports/refund-intents.ts";

export interface PlanMoneyDeps {
  readonly plans: PlanRepository;
  readonly ownerships: OwnershipStore;
  readonly ledger: LedgerRepository;
  readonly refundIntents: RefundIntentStore;
}

/** Refund intents of the plan by state: the refunds' progress (a cancelled plan's, say). */
export interface RefundProgress {
  readonly pending: number;
  readonly succeeded: number;
  readonly failed: number;
}

/**
 * A plan's money statement, from the ledger. chargedYen − refundedYen = payoutYen + feesYen to
 * the yen (the ledger's own equation; store credit sits outside it).
 */
export interface PlanMoney {
  /** What owners paid (charges are written when the processor confirms a payment). */
  readonly chargedYen: Yen;
  /** What went (or is committed to go) back to owners. */
  readonly refundedYen: Yen;
  /** The platform's fees kept (fee reversals of refunds deducted). */
  readonly feesYen: Yen;
  /** The producer's part (payout reversals of refunds deducted). */
  readonly payoutYen: Yen;
  /** Store credit issued to this plan's owners for a shortfall. */
  readonly creditIssuedYen: Yen;
  /** Store credit spent on this plan's reservations. */
  readonly creditSpentYen: Yen;
  /**
   * Money not settled yet at the processor, not in the figures above: what pending_payment
   * ownerships hold and may still pay (their checkout amounts).
   */
  readonly pendingYen: Yen;
  /** Refunds committed in the ledger (in refundedYen) that the processor has not confirmed yet. */
  readonly refundsPendingYen: Yen;
  readonly refunds: RefundProgress;
  /** A cancelled plan: shares still held by owners the refund batch has not released yet. */
  readonly sharesToRelease?: number;
}

const creditTotal = (entries: readonly LedgerEntry[], reason: string): Yen =>
  sumYen(
    entries
      .filter((e) => e.kind === "credit" && (e.reason as string) === reason)
      .map((e) => Math.abs(e.amountYen) as Yen),
  );

/** The statement from its parts (pure): what the route shows and the property test checks. */
export const planMoneyOf = (
  plan: Pick<Plan, "status" | "sharesSold">,
  entries: readonly LedgerEntry[],
  ownerships: readonly Ownership[],
  intents: readonly RefundIntent[],
): PlanMoney => {
  const balance = ledgerBalance(entries);
  const open = intents.filter((i) => i.state !== "succeeded");
  return {
    chargedYen: balance.chargesYen,
    refundedYen: balance.refundsYen,
    feesYen: balance.feesYen,
    payoutYen: balance.payoutsYen,
    creditIssuedYen: creditTotal(entries, "shortfall-credit"),
    creditSpentYen: creditTotal(entries, "credit-spent"),
    pendingYen: sumYen(
      ownerships
        .filter((o) => o.status === "pending_payment")
        .map((o) => o.payment?.amountYen ?? (0 as Yen)),
    ),
    refundsPendingYen: sumYen(open.map((i) => i.amountYen)),
    refunds: {
      pending: intents.filter((i) => i.state === "pending").length,
      succeeded: intents.filter((i) => i.state === "succeeded").length,
      failed: intents.filter((i) => i.state === "failed").length,
    },
    ...(plan.status === "cancelled" ? { sharesToRelease: plan.sharesSold } : {}),
  };
};

/** What a plan's money views are computed from: its ledger, its ownerships, its refund intents. */
export interface PlanMoneyRecords {
  readonly plan: Plan;
  readonly entries: readonly LedgerEntry[];
  readonly ownerships: readonly Ownership[];
  readonly intents: readonly RefundIntent[];
}

/**
 * A plan's money records, for the plan's producer and admins (others: AUTH.FORBIDDEN or
 * PLAN.NOT_PRODUCER; an unknown plan PLAN.NOT_FOUND).
 */
export const readPlanMoneyRecords =
  (deps: PlanMoneyDeps) =>
  (actor: Actor, planId: string): TE.TaskEither<AppError, PlanMoneyRecords> =>
    pipe(
      loadPlan(deps.plans, planId),
      TE.chain((plan) => requireProducerOrAdmin(actor, plan)),
      TE.chain((plan) =>
        pipe(
          TE.Do,
          TE.apS("plan", TE.right(plan)),
          TE.apS("entries", deps.ledger.listByPlan(plan.id)),
          TE.apS(
            "ownerships",
            allPages((page) => deps.ownerships.listByPlan(plan.id, page)),
          ),
          TE.apS("intents", deps.refundIntents.listByPlan(plan.id)),
        ),
      ),
    );

/**
 * GET /plans/{id}/money: the plan's ledger, its unpaid holds and its refunds, from
 * readPlanMoneyRecords (same readers).
 */
export const getPlanMoney =
  (deps: PlanMoneyDeps) =>
  (actor: Actor, input: { readonly planId: string }): TE.TaskEither<AppError, PlanMoney> =>
    pipe(
      readPlanMoneyRecords(deps)(actor, input.planId),
      TE.map(({ plan, entries, ownerships, intents }) =>
        planMoneyOf(plan, entries, ownerships, intents),
      ),
    );
