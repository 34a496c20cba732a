import type {
  AuditEntry,
  Instant,
  OutboxMessage,
  OwnerId,
  PlanId,
  Waitlist,
  WaitlistEntry,
  WaitlistOffer,
} from "@owners/domain";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { Page, PageRequest } from "../pagination.ts";

/**
 * A plan's waitlist as read at `now`. Offers are only trusted while live: `waitlist.offers` holds
 * the live ones; offers that expired but are still stored (their TTL deletion lags) come apart in
 * `expiredOffers`, for the expiry batch to withdraw and nothing else.
 */
export interface WaitlistState {
  readonly waitlist: Waitlist;
  readonly expiredOffers: readonly WaitlistOffer[];
}

/**
 * A waitlist going from `before` (as loaded, at before.version) to `after`. The store writes only
 * the difference (entries by seq, offers by id) and fails with STORE.VERSION_CONFLICT if the
 * stored waitlist is no longer at before.version: every waitlist write is serialised on it.
 */
export interface WaitlistChange {
  readonly before: Waitlist;
  readonly after: Waitlist;
}

export interface WaitlistWrite {
  readonly change: WaitlistChange;
  /**
   * Added to the plan's sharesOffered in the same atomic write: zero or negative (withdrawn offers
   * release their held shares). Shares are offered only by OwnershipStore.cancel, which frees them.
   */
  readonly sharesOfferedDelta: number;
  /** Joining: the write also requires the plan to be open and sold out (WAITLIST.NOT_SOLD_OUT). */
  readonly requireSoldOut?: boolean;
  readonly audit: readonly AuditEntry[];
  /** Notifications the change causes (offers made, offers lapsed), in the same atomic write. */
  readonly notices?: readonly OutboxMessage[];
}

/** An offer with the plan it belongs to (the expiry batch's work list). */
export interface PlanOffer extends WaitlistOffer {
  readonly planId: PlanId;
}

/** A place in a line with the plan it belongs to (an owner's lines, across plans). */
export interface PlanEntry extends WaitlistEntry {
  readonly planId: PlanId;
}

export interface WaitlistStore {
  /** The plan's waitlist at `now` (an empty one at version 1 when nothing is stored). */
  load(planId: PlanId, now: Instant): TE.TaskEither<AppError, WaitlistState>;
  /**
   * Applies the change, the plan's sharesOffered delta and the audit entries in one atomic write.
   * STORE.VERSION_CONFLICT if the waitlist moved on; PLAN.NOT_FOUND without the plan.
   */
  save(planId: PlanId, write: WaitlistWrite): TE.TaskEither<AppError, Waitlist>;
  /** The owner's live offers across plans, soonest expiry first. */
  listOffersOfOwner(ownerId: OwnerId, now: Instant): TE.TaskEither<AppError, readonly PlanOffer[]>;
  /**
   * The owner's entries across plans (one per line it waits in), earliest joined first: its export
   * and the closure of its account, which takes it out of every line.
   */
  listEntriesOfOwner(ownerId: OwnerId): TE.TaskEither<AppError, readonly PlanEntry[]>;
  /** Stored offers that expired at or before `now`, oldest expiry first: the expiry batch's work. */
  listExpiredOffers(now: Instant, page: PageRequest): TE.TaskEither<AppError, Page<PlanOffer>>;
  /**
   * Plans whose waitlist holds shares for the line (heldForLine > 0), by plan id: the expiry
   * batch's other work (offer them, or release them when nobody waits), whether or not any offer
   * of the plan lapses.
   */
  listPlansHoldingForLine(page: PageRequest): TE.TaskEither<AppError, Page<PlanId>>;
}
