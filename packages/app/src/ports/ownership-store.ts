import type {
  AuditEntry,
  BookingRelease,
  Instant,
  LedgerEntry,
  OfferId,
  OutboxMessage,
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
   * Accepting an offer (fromOffer) is checked the same way: it is priced like any reservation.
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
  /**
   * Notifications the change causes, written in the same atomic write (each kept only if its
   * dedupeKey is new: a repeat notice is dropped and the change still lands).
   */
  readonly notices?: readonly OutboxMessage[];
}

export type ReserveOutcome =
  | { readonly kind: "reserved"; readonly ownership: Ownership }
  /** An ownership with this id already existed: nothing was written, this is the stored one. */
  | { readonly kind: "replayed"; readonly ownership: Ownership };

export interface CancelCommand {
  /** The ownership as it becomes (status cancelled or payment_failed, version + 1). */
  readonly ownership: Ownership;
  readonly expectedVersion: number;
  /**
   * The status it is released from: "active" (the default: paid shares leave the owner's paid
   * count too) or "pending_payment" (an unpaid hold: its hold marker goes with it).
   */
  readonly expectedStatus?: "active" | "pending_payment";
  readonly ledgerEntries: readonly LedgerEntry[];
  readonly audit: readonly AuditEntry[];
  /**
   * The freed shares offered to the waitlist in the same write: `offeredShares` of them become
   * held (plan.sharesOffered), the rest are for sale again.
   */
  readonly waitlist?: { readonly change: WaitlistChange; readonly offeredShares: number };
  /**
   * An owner's own cancellation: refused (OWNERSHIP.CANCELLATION_CLOSED) once the plan's
   * allocation has started (plan.allocationStartedAt), so no refunded ownership is allocated.
   */
  readonly beforeAllocation?: boolean;
  /** The refund owed for what was paid, created (state pending) in the same atomic write. */
  readonly refundIntent?: RefundIntent;
  /** Store credit the ownership spent, given back to the owner's balance in the same write. */
  readonly creditRelease?: CreditSpend;
  /**
   * Notifications the change causes, written in the same atomic write (each kept only if its
   * dedupeKey is new: a repeat notice is dropped and the change still lands).
   */
  readonly notices?: readonly OutboxMessage[];
  /**
   * The owner's experience bookings cancelled with it, and their notices. When an active
   * ownership's cancel leaves its owner no paid share of the plan, these must be every active
   * booking the owner holds on the plan's experiences (STORE.VERSION_CONFLICT otherwise: one was
   * made since they were read); each is cancelled at its read version and its seats go back, in
   * the same atomic write. Seats are for owners only.
   */
  readonly bookingReleases?: {
    readonly releases: readonly BookingRelease[];
    readonly notices: readonly OutboxMessage[];
    /**
     * The refunds the paid ones owe (commitBookingRefund), created (state pending) in the same
     * atomic write (STORE.DUPLICATE if one with its id exists): paid after it, so a refused
     * cancel moves no booking money.
     */
    readonly refundIntents?: readonly RefundIntent[];
  };
}

/** A pending_payment ownership becomes active: the processor confirmed its payment. */
export interface ConfirmPaymentCommand {
  /** The ownership as it becomes (status active, payment succeeded, version + 1). */
  readonly ownership: Ownership;
  readonly expectedVersion: number;
  /** The charge, payout and fee entries: written with the status change, never before. */
  readonly ledgerEntries: readonly LedgerEntry[];
  readonly audit: readonly AuditEntry[];
  /**
   * Notifications the change causes, written in the same atomic write (each kept only if its
   * dedupeKey is new: a repeat notice is dropped and the change still lands).
   */
  readonly notices?: readonly OutboxMessage[];
}

/** A change of an ownership that moves no shares (its payment recorded, a dispute flagged). */
export interface AmendOwnershipCommand {
  /** The ownership as it becomes: same status, plan, owner and shares; version + 1. */
  readonly ownership: Ownership;
  readonly expectedVersion: number;
  readonly ledgerEntries: readonly LedgerEntry[];
  readonly audit: readonly AuditEntry[];
  /**
   * Notifications the change causes, written in the same atomic write (each kept only if its
   * dedupeKey is new: a repeat notice is dropped and the change still lands).
   */
  readonly notices?: readonly OutboxMessage[];
}

/** Owns the share counters: every change to sold shares goes through one atomic write here. */
export interface OwnershipStore {
  /**
   * A pending_payment ownership (its shares held: they count as sold and against the owner's cap)
   * is stored with a hold marker that listExpiredHolds finds once `holdExpiresAt` has passed; an
   * active one (free, or paid by credit) counts in the owner's paid shares at once.
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
  /**
   * In one atomic write: the stored ownership is pending_payment at expectedVersion
   * (STORE.VERSION_CONFLICT otherwise; OWNERSHIP.NOT_FOUND if absent) and becomes active, its
   * shares join the owner's paid count, its hold marker goes, the ledger and audit entries are
   * written. Its shares were already sold: the plan's counters do not move.
   */
  confirmPayment(command: ConfirmPaymentCommand): TE.TaskEither<AppError, Ownership>;
  /**
   * In one atomic write: the stored ownership is at expectedVersion with the same status
   * (STORE.VERSION_CONFLICT otherwise; OWNERSHIP.NOT_FOUND if absent) and is replaced; the ledger
   * and audit entries are appended; a disputed ownership is (re)indexed for listDisputed. No
   * counter moves.
   */
  amend(command: AmendOwnershipCommand): TE.TaskEither<AppError, Ownership>;
  /**
   * Up to `limit` pending_payment ownerships whose hold ended at or before `now`, the oldest hold
   * first (what hold expiry releases).
   */
  listExpiredHolds(now: Instant, limit: number): TE.TaskEither<AppError, readonly Ownership[]>;
  /** The ownership, or none. */
  get(id: OwnershipId): TE.TaskEither<AppError, O.Option<Ownership>>;
  /**
   * The ownership whose payment succeeded with this PaymentIntent (what disputes and refunds at
   * the processor name), or none. Indexed by confirmPayment and by an amend that records one.
   */
  findByPaymentIntent(paymentIntentId: string): TE.TaskEither<AppError, O.Option<Ownership>>;
  /**
   * Ownerships flagged disputed, each as the amendment that flagged it (or a later one) wrote it,
   * in ownership id order: what admins follow up. Indexed by `amend` in the same atomic write.
   */
  listDisputed(page: PageRequest): TE.TaskEither<AppError, Page<Ownership>>;
  /** An owner's ownerships across plans, newest first (reservedAt, then id, descending). */
  listByOwner(ownerId: OwnerId, page: PageRequest): TE.TaskEither<AppError, Page<Ownership>>;
  /** A plan's ownerships (active and cancelled) in reservation order (reservedAt, then id). */
  listByPlan(planId: PlanId, page: PageRequest): TE.TaskEither<AppError, Page<Ownership>>;
  /** The owner's paid (active) shares on a plan: whether it is an owner of the plan. */
  ownerActiveShares(planId: PlanId, ownerId: OwnerId): TE.TaskEither<AppError, number>;
  /**
   * The owner's held shares on a plan, paid or pending payment: the counter the per-owner cap is
   * checked against.
   */
  ownerHeldShares(planId: PlanId, ownerId: OwnerId): TE.TaskEither<AppError, number>;
  /**
   * Every ownership (any status) the owner holds in plans of this producer, in reservation order:
   * what the returning-owner rule is decided from.
   */
  listByOwnerAndProducer(
    ownerId: OwnerId,
    producerId: ProducerId,
  ): TE.TaskEither<AppError, readonly Ownership[]>;
}
