import * as E from "fp-ts/lib/Either.js";
import { touchPlan } from "../plans/lifecycle.ts";
import type { Plan } from "../plans/plan.ts";
import {
  checkOwnerLimit,
  invalidSharesError,
  isOpenForBuyer,
  planNotOpen,
  sharesAvailable,
} from "../reservations/reservation.ts";
import { type DomainError, fail } from "../shared/errors.ts";
import type { OfferId, OwnerId, PlanId } from "../shared/ids.ts";
import { addMillis, type Instant } from "../shared/time.ts";

/**
 * A plan's FIFO waitlist as a pure state machine.
 *
 * Rules (and why):
 * - One can join only when nothing is available, so while anyone waits no share is for sale
 *   to the public: freed shares always go to the line first.
 * - Freed shares are offered strictly in line order. The head of the line is offered
 *   min(wanted, free): a partial offer rather than waiting, because waiting would leave free
 *   shares for the public (or for later entries) to take ahead of it. An offer settles the
 *   entry: the owner leaves the line and, after a partial offer, may join again for the rest.
 * - Offered shares are held (plan.sharesOffered) until accepted or expired. An offer is live
 *   while now < expiresAt; an expired offer is never honoured, even if still stored. Expiry
 *   forfeits the place: the shares go to the next in line.
 */
export interface WaitlistEntry {
  readonly ownerId: OwnerId;
  readonly shares: number;
  readonly joinedAt: Instant;
  /** Position in line: strictly increasing in join order. */
  readonly seq: number;
}

export interface WaitlistOffer {
  readonly id: OfferId;
  readonly ownerId: OwnerId;
  /** Shares offered (held for this owner). */
  readonly shares: number;
  /** Shares the owner asked for when joining; more than `shares` for a partial offer. */
  readonly wantedShares: number;
  readonly entrySeq: number;
  readonly offeredAt: Instant;
  readonly expiresAt: Instant;
}

export interface Waitlist {
  readonly planId: PlanId;
  /** Waiting entries in line order (ascending seq). */
  readonly entries: readonly WaitlistEntry[];
  /** Offers made and not yet accepted or withdrawn (expired ones until expireOffers runs). */
  readonly offers: readonly WaitlistOffer[];
  readonly nextSeq: number;
  readonly version: number;
  /**
   * Freed shares held for the line but not offered yet (absent: 0). One write makes a bounded
   * number of offers (a transaction holds at most 100 items); the rest of a big cancellation's
   * shares wait here, counted in plan.sharesOffered so nobody outside the line can buy them, until
   * the following writes offer them (or release them when nobody is left waiting).
   */
  readonly heldForLine?: number;
}

export const emptyWaitlist = (planId: PlanId): Waitlist => ({
  planId,
  entries: [],
  offers: [],
  nextSeq: 1,
  version: 1,
});

const bump = (waitlist: Waitlist, changes: Partial<Waitlist>): Waitlist => ({
  ...waitlist,
  ...changes,
  version: waitlist.version + 1,
});

export const isOfferLive = (offer: WaitlistOffer, now: Instant): boolean => now < offer.expiresAt;

/** Shares held by stored offers: what plan.sharesOffered must equal. */
export const heldShares = (waitlist: Waitlist): number =>
  waitlist.offers.reduce((sum, offer) => sum + offer.shares, 0) + (waitlist.heldForLine ?? 0);

/** The plan with sharesOffered matched to the waitlist's stored offers (same plan if equal). */
export const withHeldShares = (plan: Plan, waitlist: Waitlist, now: Instant): Plan => {
  const held = heldShares(waitlist);
  return held === plan.sharesOffered ? plan : touchPlan(plan, { sharesOffered: held }, now);
};

export interface JoinWaitlistInput {
  readonly waitlist: Waitlist;
  readonly plan: Plan;
  readonly ownerId: OwnerId;
  readonly shares: number;
  readonly ownerActiveShares: number;
  readonly isReturningOwner: boolean;
  readonly now: Instant;
}

export const joinWaitlist = (
  input: JoinWaitlistInput,
): E.Either<
  DomainError<
    | "PLAN.NOT_OPEN"
    | "RESERVATION.INVALID_SHARES"
    | "WAITLIST.NOT_SOLD_OUT"
    | "WAITLIST.ALREADY_WAITING"
    | "PLAN.OWNER_LIMIT"
  >,
  Waitlist
> => {
  const { waitlist, plan, ownerId, shares, ownerActiveShares, isReturningOwner, now } = input;
  if (!isOpenForBuyer(plan, now, isReturningOwner)) return planNotOpen(plan, now);
  if (!Number.isSafeInteger(shares) || shares < 1) return invalidSharesError(shares);
  const available = sharesAvailable(plan);
  if (available > 0)
    return fail("WAITLIST.NOT_SOLD_OUT", `${available} shares can still be reserved`, {
      planId: plan.id,
      remaining: available,
    });
  // An owner answers one offer at a time; a stale (expired) offer does not count.
  const waiting =
    waitlist.entries.some((e) => e.ownerId === ownerId) ||
    waitlist.offers.some((o) => o.ownerId === ownerId && isOfferLive(o, now));
  if (waiting)
    return fail("WAITLIST.ALREADY_WAITING", "the owner is already on the waitlist", {
      planId: plan.id,
    });
  const limit = checkOwnerLimit(plan, ownerActiveShares, shares);
  if (E.isLeft(limit)) return limit;
  return E.right(
    bump(waitlist, {
      entries: [...waitlist.entries, { ownerId, shares, joinedAt: now, seq: waitlist.nextSeq }],
      nextSeq: waitlist.nextSeq + 1,
    }),
  );
};

export const leaveWaitlist = (
  waitlist: Waitlist,
  ownerId: OwnerId,
): E.Either<DomainError<"WAITLIST.NOT_WAITING">, Waitlist> =>
  waitlist.entries.some((e) => e.ownerId === ownerId)
    ? E.right(bump(waitlist, { entries: waitlist.entries.filter((e) => e.ownerId !== ownerId) }))
    : fail("WAITLIST.NOT_WAITING", "the owner is not on the waitlist", {
        planId: waitlist.planId,
      });

export interface OfferResult {
  readonly waitlist: Waitlist;
  /** The offers just made, in line order. */
  readonly offers: readonly WaitlistOffer[];
  /** Shares now held by those offers: add to plan.sharesOffered. */
  readonly offeredShares: number;
  /** Freed shares nobody in line took: they are for sale again. */
  readonly unofferedShares: number;
}

/**
 * Offers `freedShares` to the line in order, each offer expiring `offerTtlMs` after `now`.
 * `newOfferId` is called once per offer made (ids come from the caller's IdGenerator).
 */
export const offerFreedShares = (
  waitlist: Waitlist,
  freedShares: number,
  now: Instant,
  offerTtlMs: number,
  newOfferId: () => OfferId,
  /** At most this many offers (one write's worth); the rest stays in unofferedShares. */
  maxOffers = Number.POSITIVE_INFINITY,
): OfferResult => {
  if (!Number.isSafeInteger(freedShares) || freedShares < 0)
    throw new RangeError(`freed shares must be a whole number >= 0, got ${freedShares}`);
  if (!Number.isSafeInteger(offerTtlMs) || offerTtlMs < 1)
    throw new RangeError(`offer TTL must be a positive whole number of ms, got ${offerTtlMs}`);
  let free = freedShares;
  let served = 0;
  const offers: WaitlistOffer[] = [];
  for (const entry of waitlist.entries) {
    if (free === 0 || offers.length >= maxOffers) break;
    const shares = Math.min(entry.shares, free);
    offers.push({
      id: newOfferId(),
      ownerId: entry.ownerId,
      shares,
      wantedShares: entry.shares,
      entrySeq: entry.seq,
      offeredAt: now,
      expiresAt: addMillis(now, offerTtlMs),
    });
    free -= shares;
    served += 1;
  }
  if (offers.length === 0)
    return { waitlist, offers, offeredShares: 0, unofferedShares: freedShares };
  return {
    waitlist: bump(waitlist, {
      entries: waitlist.entries.slice(served),
      offers: [...waitlist.offers, ...offers],
    }),
    offers,
    offeredShares: freedShares - free,
    unofferedShares: free,
  };
};

/**
 * Of the shares an offer round could not offer (one write makes a bounded number of offers),
 * those to hold for the line: all while anyone still waits, none once nobody does (they are for
 * sale again).
 */
export const sharesToHoldForLine = (offered: OfferResult): number =>
  offered.waitlist.entries.length > 0 ? offered.unofferedShares : 0;

export interface ExpireResult extends OfferResult {
  /** Offers withdrawn because they expired. */
  readonly expired: readonly WaitlistOffer[];
  /** Shares those offers held: subtract from plan.sharesOffered. */
  readonly withdrawnShares: number;
}

/** How much one expiry may do (one write's worth); unbounded unless told. */
export interface ExpiryLimits {
  /** Expired offers withdrawn at most, in line order; the others wait for the next call. */
  readonly maxExpired?: number;
  /** New offers made at most; the withdrawn shares beyond them stay in unofferedShares. */
  readonly maxOffers?: number;
}

/**
 * Withdraws the offers expired at `now` (at most `maxExpired`, in line order) and offers their
 * shares to the next in line (at most `maxOffers` offers).
 */
export const expireOffers = (
  waitlist: Waitlist,
  now: Instant,
  offerTtlMs: number,
  newOfferId: () => OfferId,
  limits: ExpiryLimits = {},
): ExpireResult => {
  const expired = waitlist.offers
    .filter((o) => !isOfferLive(o, now))
    .slice(0, limits.maxExpired ?? Number.POSITIVE_INFINITY);
  return passOn(waitlist, expired, now, offerTtlMs, newOfferId, limits.maxOffers);
};

/** Withdraws `withdrawn` (offers of the waitlist) and offers their shares to the next in line. */
const passOn = (
  waitlist: Waitlist,
  withdrawn: readonly WaitlistOffer[],
  now: Instant,
  offerTtlMs: number,
  newOfferId: () => OfferId,
  maxOffers: number | undefined,
): ExpireResult => {
  const ids = new Set(withdrawn.map((o) => o.id));
  const withdrawnShares = withdrawn.reduce((sum, o) => sum + o.shares, 0);
  const remaining =
    withdrawn.length === 0
      ? waitlist
      : bump(waitlist, { offers: waitlist.offers.filter((o) => !ids.has(o.id)) });
  return {
    ...offerFreedShares(remaining, withdrawnShares, now, offerTtlMs, newOfferId, maxOffers),
    expired: withdrawn,
    withdrawnShares,
  };
};

/**
 * The owner goes from the line altogether (its account closes): its entry leaves as by
 * leaveWaitlist (those behind move up), and the offers it holds, live or lapsed, are withdrawn
 * (at most `maxExpired`) and their shares offered to the next in line as when an offer lapses (at
 * most `maxOffers` offers). `expired` lists the withdrawn offers. Nothing changes (same waitlist)
 * when the owner is neither waiting nor offered anything.
 */
export const withdrawOwner = (
  waitlist: Waitlist,
  ownerId: OwnerId,
  now: Instant,
  offerTtlMs: number,
  newOfferId: () => OfferId,
  limits: ExpiryLimits = {},
): ExpireResult => {
  const left = leaveWaitlist(waitlist, ownerId);
  const withdrawn = waitlist.offers
    .filter((o) => o.ownerId === ownerId)
    .slice(0, limits.maxExpired ?? Number.POSITIVE_INFINITY);
  return passOn(
    E.isRight(left) ? left.right : waitlist,
    withdrawn,
    now,
    offerTtlMs,
    newOfferId,
    limits.maxOffers,
  );
};

export interface AcceptOfferInput {
  readonly waitlist: Waitlist;
  readonly plan: Plan;
  readonly offerId: OfferId;
  readonly ownerId: OwnerId;
  readonly ownerActiveShares: number;
  readonly now: Instant;
}

export interface AcceptedOffer {
  readonly waitlist: Waitlist;
  /** The plan with the offered shares moved from held to sold. */
  readonly plan: Plan;
  /** The accepted offer: the caller turns it into an ownership of `offer.shares` shares. */
  readonly offer: WaitlistOffer;
}

/**
 * Turns a live offer into a reservation of its shares. It is still a reservation: the plan
 * must be open and the owner's limit holds. When refused, the offer stays held until it
 * expires (or the plan closes), then goes to the next in line.
 */
export const acceptOffer = (
  input: AcceptOfferInput,
): E.Either<
  DomainError<
    "WAITLIST.OFFER_NOT_FOUND" | "WAITLIST.OFFER_EXPIRED" | "PLAN.NOT_OPEN" | "PLAN.OWNER_LIMIT"
  >,
  AcceptedOffer
> => {
  const { waitlist, plan, offerId, ownerId, ownerActiveShares, now } = input;
  // Another owner's offer is reported as not found: offers are private to their owner.
  const offer = waitlist.offers.find((o) => o.id === offerId && o.ownerId === ownerId);
  if (offer === undefined)
    return fail("WAITLIST.OFFER_NOT_FOUND", "no such offer", { planId: waitlist.planId, offerId });
  if (!isOfferLive(offer, now))
    return fail("WAITLIST.OFFER_EXPIRED", "the offer has expired", {
      offerId,
      expiresAt: offer.expiresAt,
    });
  if (plan.status !== "open" || now >= plan.salesWindow.closesAt) return planNotOpen(plan, now);
  const limit = checkOwnerLimit(plan, ownerActiveShares, offer.shares);
  if (E.isLeft(limit)) return limit;
  if (plan.sharesOffered < offer.shares)
    throw new RangeError(`plan ${plan.id} holds fewer offered shares than offer ${offer.id}`);
  return E.right({
    waitlist: bump(waitlist, { offers: waitlist.offers.filter((o) => o.id !== offer.id) }),
    plan: touchPlan(
      plan,
      {
        sharesSold: plan.sharesSold + offer.shares,
        sharesOffered: plan.sharesOffered - offer.shares,
      },
      now,
    ),
    offer,
  });
};

/**
 * When sales end (plan closed or cancelled), the line and every offer are withdrawn; held
 * shares are released (sync the plan with withHeldShares).
 */
export const closeWaitlist = (
  waitlist: Waitlist,
): { readonly waitlist: Waitlist; readonly withdrawnShares: number } => ({
  waitlist:
    waitlist.entries.length === 0 && waitlist.offers.length === 0
      ? waitlist
      : bump(waitlist, { entries: [], offers: [] }),
  withdrawnShares: heldShares(waitlist),
});
