import type { AuditEntry, LedgerEntry, OwnershipId, PlanId } from "@owners/domain";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/**
 * The append-only money ledger. Reservation and cancellation write their entries inside the
 * OwnershipStore's atomic writes; everything else (batch refunds, credits) appends here.
 */
export interface LedgerRepository {
  /**
   * Appends the ledger and audit entries together, all or nothing. Entries are keyed by id:
   * appending an identical entry again (a retried batch) writes nothing and succeeds; a different
   * entry under an existing id is STORE.DUPLICATE and nothing is written.
   */
  append(
    entries: readonly LedgerEntry[],
    audit: readonly AuditEntry[],
  ): TE.TaskEither<AppError, void>;
  /** Every ledger entry of a plan, in (at, id) order. */
  listByPlan(planId: PlanId): TE.TaskEither<AppError, readonly LedgerEntry[]>;
  /** The ledger entries of one ownership, in (at, id) order: what its statement is explained from. */
  listByOwnership(
    planId: PlanId,
    ownershipId: OwnershipId,
  ): TE.TaskEither<AppError, readonly LedgerEntry[]>;
}

/** The append-only audit trail: who did what, when. Written with the change it describes. */
export interface AuditLog {
  /** Every audit entry about one subject (plan, ownership, offer, booking), in (at, id) order. */
  listBySubject(
    subjectType: AuditEntry["subject"]["type"],
    subjectId: string,
  ): TE.TaskEither<AppError, readonly AuditEntry[]>;
  /** Every audit entry of a plan, in (at, id) order. */
  listByPlan(planId: PlanId): TE.TaskEither<AppError, readonly AuditEntry[]>;
}
