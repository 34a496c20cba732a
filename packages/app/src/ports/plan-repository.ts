import type {
  AuditEntry,
  OutboxMessage,
  Plan,
  PlanId,
  PlanStatus,
  ProducerId,
} from "@owners/domain";
import type * as O from "fp-ts/lib/Option.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { Page, PageRequest } from "../pagination.ts";

export interface PlanFilter {
  readonly status?: PlanStatus;
  readonly category?: string;
  readonly region?: string;
  readonly producerId?: ProducerId;
}

export interface PlanRepository {
  /** Stores a new plan and its audit entries together; STORE.DUPLICATE if its id is taken. */
  create(plan: Plan, audit?: readonly AuditEntry[]): TE.TaskEither<AppError, Plan>;
  /** The plan, or none. */
  get(id: PlanId): TE.TaskEither<AppError, O.Option<Plan>>;
  /** The plans that exist among `ids` (any order, missing ids skipped; at most 100 ids). */
  getMany(ids: readonly PlanId[]): TE.TaskEither<AppError, readonly Plan[]>;
  /**
   * Writes the producer-owned fields and status if the stored version is `expectedVersion`
   * (STORE.VERSION_CONFLICT otherwise), with its audit entries, and returns the stored plan at
   * version expectedVersion + 1. Never writes the share counters (sharesSold, sharesOffered): only
   * the OwnershipStore and WaitlistStore move those, and they do not bump `version`, so an edit
   * racing a reservation neither undoes it nor fails because of it. PLAN.NOT_FOUND if absent.
   * `notices` (what the change causes: a fan-out trigger, say) go to the outbox in the same
   * atomic write, each only if its dedupeKey is new.
   */
  save(
    plan: Plan,
    expectedVersion: number,
    audit?: readonly AuditEntry[],
    notices?: readonly OutboxMessage[],
  ): TE.TaskEither<AppError, Plan>;
  /** Plans matching every given filter field, newest first (createdAt, then id, descending). */
  list(filter: PlanFilter, page: PageRequest): TE.TaskEither<AppError, Page<Plan>>;
  /** Open plans whose sales window closed at or before `before`, newest first: the close-sales batch's work. */
  listOpenClosingBy(before: string, page: PageRequest): TE.TaskEither<AppError, Page<Plan>>;
}
