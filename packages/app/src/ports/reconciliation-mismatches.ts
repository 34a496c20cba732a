import type { Instant, PlanId, Yen } from "@owners/domain";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/** One side's money for a plan, as reconciliation compares them. */
export interface MoneyTotals {
  readonly chargedYen: Yen;
  readonly refundedYen: Yen;
  readonly feesYen: Yen;
  readonly payoutYen: Yen;
}

/** A plan whose ledger and processor disagree, as last seen by the reconciliation batch. */
export interface ReconciliationMismatch {
  readonly planId: PlanId;
  readonly ledger: MoneyTotals;
  readonly processor: MoneyTotals;
  /** When this disagreement was first seen (kept while it lasts). */
  readonly detectedAt: Instant;
  /** The run that last found it (its totals are that run's). */
  readonly lastCheckedAt: Instant;
}

/** What admins are shown: the plans whose books disagree now (one record per plan). */
export interface ReconciliationMismatches {
  /**
   * Stores the plan's mismatch. If one is stored already, its totals and lastCheckedAt are
   * replaced and its detectedAt kept: admins see how long the books have disagreed.
   */
  record(mismatch: ReconciliationMismatch): TE.TaskEither<AppError, void>;
  /** The plan agrees again: its record goes (nothing stored is fine). */
  clear(planId: PlanId): TE.TaskEither<AppError, void>;
  /** Every stored mismatch, by plan id. */
  list(): TE.TaskEither<AppError, readonly ReconciliationMismatch[]>;
}
