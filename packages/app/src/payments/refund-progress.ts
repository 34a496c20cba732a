import {
  type LedgerEntry,
  ledgerBalance,
  type Ownership,
  type RefundIntent,
  sumYen,
  type Yen,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { type PlanMoneyDeps, readPlanMoneyRecords } from "./plan-money.ts";

/**
 * How far a plan's cancellation refunds have come, counted in owners (ownerships) and yen. Before
 * the plan is cancelled it is what a cancellation would refund: every active ownership, nothing
 * refunded yet (the confirmation shows it).
 */
export interface PlanRefundProgress {
  /** Ownerships to refund: still active (the batch has not released them) or released by it. */
  readonly owners: number;
  /** Of those, refunds the processor confirmed. */
  readonly refunded: number;
  readonly refundedYen: Yen;
  /** Still to go back: open refunds plus what the ownerships not yet released paid. */
  readonly pendingYen: Yen;
}

/** What an active ownership would get back: its charges minus its refunds so far (the ledger's). */
const owedBy = (ownership: Ownership, entries: readonly LedgerEntry[]): Yen => {
  const balance = ledgerBalance(entries.filter((e) => e.ownershipId === ownership.id));
  return Math.max(0, balance.chargesYen - balance.refundsYen) as Yen;
};

/**
 * The progress from its parts (pure). Reads what the refund-cancelled-plans batch writes: each
 * released ownership's refund intent ("plan-cancellation"), and the ownerships still active.
 */
export const refundProgressOf = (
  entries: readonly LedgerEntry[],
  ownerships: readonly Ownership[],
  intents: readonly RefundIntent[],
): PlanRefundProgress => {
  const held = ownerships.filter((o) => o.status === "active");
  const refunds = intents.filter((i) => i.reason === "plan-cancellation");
  const done = refunds.filter((i) => i.state === "succeeded");
  return {
    owners: held.length + refunds.length,
    refunded: done.length,
    refundedYen: sumYen(done.map((i) => i.amountYen)),
    pendingYen: sumYen([
      ...refunds.filter((i) => i.state !== "succeeded").map((i) => i.amountYen),
      ...held.map((o) => owedBy(o, entries)),
    ]),
  };
};

/**
 * GET /plans/{id}/refund-progress: for the plan's producer and admins (others: AUTH.FORBIDDEN or
 * PLAN.NOT_PRODUCER; an unknown plan PLAN.NOT_FOUND).
 */
export const getRefundProgress =
  (deps: PlanMoneyDeps) =>
  (actor: Actor, input: { readonly planId: string }): TE.TaskEither<AppError, PlanRefundProgress> =>
    pipe(
      readPlanMoneyRecords(deps)(actor, input.planId),
      TE.map(({ entries, ownerships, intents }) => refundProgressOf(entries, ownerships, intents)),
    );
