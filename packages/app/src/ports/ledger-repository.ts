import type { AuditEntry, Instant, LedgerEntry, OwnershipId, PlanId } from "@owners/domain";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { Page, PageRequest } from "../pagination.ts";

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
  /**
   * One page of entries, oldest first ((at, id) order), read from one index: by subject, by actor
   * or by plan, within [from, to] (inclusive, either open), optionally only one actor's.
   */
  search(query: AuditQuery, page: PageRequest): TE.TaskEither<AppError, Page<AuditEntry>>;
}

/** Which index an audit search reads: each is one Query in DynamoDB. */
export type AuditIndex =
  | {
      readonly by: "subject";
      readonly subjectType: AuditEntry["subject"]["type"];
      readonly subjectId: string;
    }
  | { readonly by: "actor"; readonly actorId: string }
  | { readonly by: "plan"; readonly planId: PlanId };

export interface AuditQuery {
  readonly index: AuditIndex;
  /** Only this actor's entries (a filter on the subject or plan index). */
  readonly actorId?: string;
  readonly from?: Instant;
  readonly to?: Instant;
}
