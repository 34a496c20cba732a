import * as E from "fp-ts/lib/Either.js";
import type { Yen } from "../money/money.ts";
import { touchPlan } from "../plans/lifecycle.ts";
import type { Plan } from "../plans/plan.ts";
import { isInEarlyAccess } from "../plans/returning-owners.ts";
import { type DomainError, domainError, fail } from "../shared/errors.ts";
import type { OwnerId, PlanId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { Ownership } from "./ownership.ts";

/** Shares nobody holds and nobody has been offered: what a buyer can take right now. */
export const sharesAvailable = (
  plan: Pick<Plan, "totalShares" | "sharesSold" | "sharesOffered">,
): number => plan.totalShares - plan.sharesSold - plan.sharesOffered;

/**
 * Whether this buyer may buy now: the plan is open and before its close, and either the public
 * window has started or the buyer is a returning owner inside the early-access window.
 */
export const isOpenForBuyer = (plan: Plan, now: Instant, isReturningOwner: boolean): boolean =>
  plan.status === "open" &&
  now < plan.salesWindow.closesAt &&
  (plan.salesWindow.opensAt <= now || (isReturningOwner && isInEarlyAccess(plan, now)));

export const planNotOpen = (plan: Plan, now: Instant) =>
  fail("PLAN.NOT_OPEN", "the plan is not open for reservations", {
    planId: plan.id,
    status: plan.status,
    now,
    opensAt: plan.salesWindow.opensAt,
    closesAt: plan.salesWindow.closesAt,
    ...(plan.salesWindow.returningOwnersOpenAt === undefined
      ? {}
      : { returningOwnersOpenAt: plan.salesWindow.returningOwnersOpenAt }),
  });

export const invalidSharesError = (shares: number) =>
  fail("RESERVATION.INVALID_SHARES", "shares must be a whole number of at least 1", { shares });

/** Checks an owner can hold `shares` more: PLAN.OWNER_LIMIT otherwise. */
export const checkOwnerLimit = (
  plan: Plan,
  ownerActiveShares: number,
  shares: number,
): E.Either<DomainError<"PLAN.OWNER_LIMIT">, void> =>
  ownerActiveShares + shares <= plan.maxSharesPerOwner
    ? E.right(undefined)
    : fail("PLAN.OWNER_LIMIT", `an owner may hold at most ${plan.maxSharesPerOwner} shares`, {
        planId: plan.id,
        maxSharesPerOwner: plan.maxSharesPerOwner,
        ownerActiveShares,
        remainingForOwner: Math.max(0, plan.maxSharesPerOwner - ownerActiveShares),
      });

export interface ReservationInput {
  readonly plan: Plan;
  readonly now: Instant;
  readonly ownerId: OwnerId;
  readonly shares: number;
  /** Shares the owner already holds in active ownerships of this plan. */
  readonly ownerActiveShares: number;
  readonly isReturningOwner: boolean;
}

export interface ReservationDecision {
  readonly planId: PlanId;
  readonly ownerId: OwnerId;
  readonly shares: number;
  /** Shares available before this reservation. */
  readonly sharesAvailable: number;
  readonly sharesAvailableAfter: number;
  /** True when bought in the returning owners' window before the public opening. */
  readonly earlyAccess: boolean;
}

export type ReservationError = DomainError<
  "PLAN.NOT_OPEN" | "RESERVATION.INVALID_SHARES" | "PLAN.SOLD_OUT" | "PLAN.OWNER_LIMIT"
>;

/**
 * Whether `ownerId` may reserve `shares` now. Shares held for waitlist offers are not for
 * sale, so a plan with pending offers can be sold out while sharesSold < totalShares. The
 * storage layer repeats the two limits as conditions of one transaction; this is the rule.
 */
export const decideReservation = (
  input: ReservationInput,
): E.Either<ReservationError, ReservationDecision> => {
  const { plan, now, ownerId, shares, ownerActiveShares, isReturningOwner } = input;
  if (!isOpenForBuyer(plan, now, isReturningOwner)) return planNotOpen(plan, now);
  if (!Number.isSafeInteger(shares) || shares < 1) return invalidSharesError(shares);
  const available = sharesAvailable(plan);
  if (shares > available)
    return fail("PLAN.SOLD_OUT", `only ${Math.max(0, available)} shares are left`, {
      planId: plan.id,
      remaining: Math.max(0, available),
      requested: shares,
    });
  const limit = checkOwnerLimit(plan, ownerActiveShares, shares);
  if (E.isLeft(limit)) return limit;
  return E.right({
    planId: plan.id,
    ownerId,
    shares,
    sharesAvailable: available,
    sharesAvailableAfter: available - shares,
    earlyAccess: plan.salesWindow.opensAt > now,
  });
};

/**
 * The plan after a decided reservation. Throws if it would oversell: that can only be a caller
 * bug (applying without deciding, or on a stale plan), never a business outcome.
 */
export const applyReservation = (plan: Plan, shares: number, now: Instant): Plan => {
  if (!Number.isSafeInteger(shares) || shares < 1 || shares > sharesAvailable(plan))
    throw new RangeError(`cannot apply a reservation of ${shares} shares to plan ${plan.id}`);
  return touchPlan(plan, { sharesSold: plan.sharesSold + shares }, now);
};

export interface CancellationInput {
  readonly plan: Plan;
  readonly ownership: Ownership;
  readonly actorOwnerId: OwnerId;
  readonly now: Instant;
}

export interface CancellationDecision {
  readonly ownership: Ownership;
  /** The plan with the cancelled shares no longer sold (free for the waitlist or for sale). */
  readonly plan: Plan;
  readonly freedShares: number;
  /** Cancellation refunds in full: the whole locked quote (nothing for an unpaid hold). */
  readonly refundYen: Yen;
}

export type CancellationError = DomainError<
  "OWNERSHIP.NOT_OWNER" | "OWNERSHIP.NOT_ACTIVE" | "OWNERSHIP.CANCELLATION_CLOSED"
>;

/**
 * An owner's cancellation once the plan's allocation started: the harvest is being divided among
 * the ownerships read then (the use case says so first; the stores refuse it in the same write).
 */
export const allocationStartedError = (
  ownershipId: string,
  allocationStartedAt: string,
): DomainError<"OWNERSHIP.CANCELLATION_CLOSED"> =>
  domainError("OWNERSHIP.CANCELLATION_CLOSED", "the harvest allocation has started", {
    ownershipId,
    allocationStartedAt,
  });

/**
 * An owner cancels their ownership: allowed until the producer's cancellation deadline
 * (inclusive) while the plan is open or closed and its allocation has not started; afterwards
 * the harvest is being divided.
 */
export const decideCancellation = (
  input: CancellationInput,
): E.Either<CancellationError, CancellationDecision> => {
  const { plan, ownership, actorOwnerId, now } = input;
  if (ownership.planId !== plan.id)
    throw new RangeError(`ownership ${ownership.id} does not belong to plan ${plan.id}`);
  if (ownership.ownerId !== actorOwnerId)
    return fail("OWNERSHIP.NOT_OWNER", "only the owner may cancel this ownership", {
      ownershipId: ownership.id,
    });
  if (ownership.status !== "active" && ownership.status !== "pending_payment")
    return fail("OWNERSHIP.NOT_ACTIVE", "the ownership is no longer held", {
      ownershipId: ownership.id,
      status: ownership.status,
    });
  if (plan.allocationStartedAt !== undefined)
    return E.left(allocationStartedError(ownership.id, plan.allocationStartedAt));
  if (now > plan.cancellationDeadline || (plan.status !== "open" && plan.status !== "closed"))
    return fail("OWNERSHIP.CANCELLATION_CLOSED", "cancellation is no longer possible", {
      ownershipId: ownership.id,
      planStatus: plan.status,
      cancellationDeadline: plan.cancellationDeadline,
    });
  return E.right({
    ownership: {
      ...ownership,
      status: "cancelled",
      cancelledAt: now,
      version: ownership.version + 1,
    },
    plan: touchPlan(plan, { sharesSold: plan.sharesSold - ownership.shares }, now),
    freedShares: ownership.shares,
    // An unpaid hold has nothing to give back (its checkout is ended instead).
    refundYen: ownership.status === "active" ? ownership.quote.totalYen : (0 as Yen),
  });
};

/** The parts of a reservation request that an idempotency key pins down. */
export interface ReservationRequest {
  readonly idempotencyKey: string;
  readonly planId: PlanId;
  readonly ownerId: OwnerId;
  readonly shares: number;
  readonly shippingRegion: string;
  /**
   * Whether the owner named the region (absent: it did). One it did not name was looked up (its
   * saved region, the plan's): a repeat of the same body may look up another one since, and is
   * still the same request.
   */
  readonly shippingRegionNamed?: boolean;
}

/**
 * Idempotency: `existing` is the ownership already stored under the request's key. The same
 * request again returns that first result (whatever its status now, and without charging
 * again); the same key with a different body, owner or plan is RESERVATION.IDEMPOTENCY_MISMATCH
 * (and reveals nothing of the stored ownership). A region the request did not name is not part
 * of its body.
 */
export const sameReservationRequest = <O extends Ownership>(
  existing: O,
  request: ReservationRequest,
): E.Either<DomainError<"RESERVATION.IDEMPOTENCY_MISMATCH">, O> => {
  const mismatched = [
    existing.idempotencyKey !== request.idempotencyKey && "idempotencyKey",
    existing.planId !== request.planId && "planId",
    existing.ownerId !== request.ownerId && "ownerId",
    existing.shares !== request.shares && "shares",
    request.shippingRegionNamed !== false &&
      existing.quote.shippingRegion !== request.shippingRegion &&
      "shippingRegion",
  ].filter((field): field is string => field !== false);
  return mismatched.length === 0
    ? E.right(existing)
    : fail(
        "RESERVATION.IDEMPOTENCY_MISMATCH",
        "this idempotency key was already used for a different request",
        // Another owner's key reuse learns only that the key is taken.
        { fields: existing.ownerId === request.ownerId ? mismatched : ["ownerId"] },
      );
};
