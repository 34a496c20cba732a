import type {
  AuditEntry,
  Instant,
  LedgerEntry,
  OfferId,
  OwnerId,
  Ownership,
  OwnershipId,
  PlanId,
  ProducerId,
  RefundIntent,
} from "@owners/domain";
import type * as O from "fp-ts/lib/Option.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { Page, PageRequest } from "../pagination.ts";
import type { CreditSpend } from "./credit-balances.ts";
import type { WaitlistChange } from "./waitlist-store.ts";

export interface ReserveCommand {
  /** The new ownership; its id is derived from (plan, owner, idempotency key). */
  readonly ownership: Ownership;
  readonly producerId: ProducerId;
  readonly totalShares: number;
  readonly maxSharesPerOwner: number;
  /**
   * Set while a first-N price tier is still in play: the quote assumed exactly this many shares
   * sold, so the write fails with STORE.VERSION_CONFLICT if that changed and the caller re-quotes.
   */
  readonly expectedSharesSold?: number;
  /**
   * Accepting a waitlist offer: the offer's held shares become sold ones instead of free shares
   * being taken. The offer must still be stored and live at `now` (WAITLIST.OFFER_NOT_FOUND /
   * WAITLIST.OFFER_EXPIRED otherwise) and the waitlist is written in the same atomic write.
   */
  readonly fromOffer?: {
    readonly offerId: OfferId;
    readonly now: Instant;
    readonly waitlist: WaitlistChange;
  };
  /**
   * Store credit the reservation spends (ownership.creditAppliedYen): the owner's balance at the
   * producer is decremented in the same write, never below 0 (CREDIT.INSUFFICIENT otherwise).
   */
  readonly creditSpend?: CreditSpend;
  readonly ledgerEntries: readonly LedgerEntry[];
  readonly audit: readonly AuditEntry[];
}

export type ReserveOutcome =
  | { readonly kind: "reserved"; readonly ownership: Ownership }
  /** An ownership with this id already existed: nothing was written, this is the stored one. */
  | { readonly kind: "replayed"; readonly ownership: Ownership };

export interface CancelCommand {
  /** The ownership as it becomes (status cancelled, version + 1). */
  readonly ownership: Ownership;
  readonly expectedVersion: number;
  readonly ledgerEntries: readonly LedgerEntry[];
  readonly audit: readonly AuditEntry[];
  /**
   * The freed shares offered to the waitlist in the same write: `offeredShares` of them become
   * held (plan.sharesOffered), the rest are for sale again.
   */
  readonly waitlist?: { readonly change: WaitlistChange; readonly offeredShares: number };
  /**
   * The status the stored ownership must have: active (default), or pending_payment when its
   * owner gives up before paying (the hold is released, nothing to refund).
   */
  readonly expectedStatus?: "active" | "pending_payment";
  /**
   * An owner's own cancellation: refused (OWNERSHIP.CANCELLATION_CLOSED) once the plan's
   * allocation has started (plan.allocationStartedAt), so no refunded ownership is allocated.
   */
  readonly beforeAllocation?: boolean;
  /** The refund owed for what was paid, created (state pending) in the same atomic write. */
  readonly refundIntent?: RefundIntent;
  /** Store credit the ownership spent, given back to the owner's balance in the same write. */
  readonly creditRelease?: CreditSpend;
}

/** Owns the share counters: every change to sold shares goes through one atomic write here. */
export interface OwnershipStore {
  /**
   * In one atomic write: the plan is open and sold + offered + shares <= total (PLAN.NOT_OPEN /
   * PLAN.SOLD_OUT otherwise; PLAN.NOT_FOUND without the plan), the owner's active shares + shares
   * <= max per owner (PLAN.OWNER_LIMIT), the ownership is created, the ledger and audit entries are
   * appended. If an ownership with the same id exists, nothing is written and it is returned as
   * "replayed", whatever the plan's state now.
   */
  reserve(command: ReserveCommand): TE.TaskEither<AppError, ReserveOutcome>;
  /**
   * In one atomic write: the stored ownership has the expected status (active by default) at
   * expectedVersion (STORE.VERSION_CONFLICT otherwise; OWNERSHIP.NOT_FOUND if absent), becomes
   * cancelled, its shares leave the plan's sold count and the owner's count, the waitlist change
   * (if any), the refund intent (if any; STORE.DUPLICATE if one with its id exists) and ledger and
   * audit entries are written.
   */
  cancel(command: CancelCommand): TE.TaskEither<AppError, Ownership>;
  /** The ownership, or none. */
  get(id: OwnershipId): TE.TaskEither<AppError, O.Option<Ownership>>;
  /** An owner's ownerships across plans, newest first (reservedAt, then id, descending). */
  listByOwner(ownerId: OwnerId, page: PageRequest): TE.TaskEither<AppError, Page<Ownership>>;
  /** A plan's ownerships (active and cancelled) in reservation order (reservedAt, then id). */
  listByPlan(planId: PlanId, page: PageRequest): TE.TaskEither<AppError, Page<Ownership>>;
  /** The owner's active shares on a plan (the counter the per-owner cap is checked against). */
  ownerActiveShares(planId: PlanId, ownerId: OwnerId): TE.TaskEither<AppError, number>;
  /**
   * Every ownership (any status) the owner holds in plans of this producer, in reservation order:
   * what the returning-owner rule is decided from.
   */
  listByOwnerAndProducer(
    ownerId: OwnerId,
    producerId: ProducerId,
  ): TE.TaskEither<AppError, readonly Ownership[]>;
}
