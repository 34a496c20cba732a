import { type DomainError, domainError } from "@owners/domain";
import { type AppOnlyError, appError } from "./errors.ts";

/**
 * The errors the storing ports report when one of their conditions fails. Every adapter builds
 * them here, so the in-memory and DynamoDB adapters answer with the same codes and details.
 */
export const storeErrors = {
  planNotFound: (planId: string): AppOnlyError<"PLAN.NOT_FOUND"> =>
    appError("PLAN.NOT_FOUND", "no such plan", { planId }),
  ownershipNotFound: (ownershipId: string): AppOnlyError<"OWNERSHIP.NOT_FOUND"> =>
    appError("OWNERSHIP.NOT_FOUND", "no such ownership", { ownershipId }),
  versionConflict: (entity: string, id: string): AppOnlyError<"STORE.VERSION_CONFLICT"> =>
    appError("STORE.VERSION_CONFLICT", `the ${entity} changed since it was read`, { entity, id }),
  throttled: (entity: string, id: string): AppOnlyError<"STORE.THROTTLED"> =>
    appError("STORE.THROTTLED", `the ${entity} is taking more writes than it can`, {
      entity,
      id,
    }),
  duplicate: (entity: string, id: string): AppOnlyError<"STORE.DUPLICATE"> =>
    appError("STORE.DUPLICATE", `a different ${entity} with this id already exists`, {
      entity,
      id,
    }),
  notOpen: (planId: string, status: string): DomainError<"PLAN.NOT_OPEN"> =>
    domainError("PLAN.NOT_OPEN", "the plan is not open for reservations", { planId, status }),
  soldOut: (planId: string, remaining: number, requested: number): DomainError<"PLAN.SOLD_OUT"> =>
    domainError("PLAN.SOLD_OUT", `only ${Math.max(0, remaining)} shares are left`, {
      planId,
      remaining: Math.max(0, remaining),
      requested,
    }),
  ownerLimit: (
    planId: string,
    maxSharesPerOwner: number,
    ownerActiveShares: number,
  ): DomainError<"PLAN.OWNER_LIMIT"> =>
    domainError("PLAN.OWNER_LIMIT", `an owner may hold at most ${maxSharesPerOwner} shares`, {
      planId,
      maxSharesPerOwner,
      ownerActiveShares,
      remainingForOwner: Math.max(0, maxSharesPerOwner - ownerActiveShares),
    }),
  notSoldOut: (planId: string, remaining: number): DomainError<"WAITLIST.NOT_SOLD_OUT"> =>
    domainError("WAITLIST.NOT_SOLD_OUT", `${remaining} shares can still be reserved`, {
      planId,
      remaining,
    }),
  creditInsufficient: (ownerId: string, producerId: string): DomainError<"CREDIT.INSUFFICIENT"> =>
    domainError("CREDIT.INSUFFICIENT", "the store credit balance is lower than the amount", {
      ownerId,
      producerId,
    }),
  offerNotFound: (planId: string, offerId: string): DomainError<"WAITLIST.OFFER_NOT_FOUND"> =>
    domainError("WAITLIST.OFFER_NOT_FOUND", "no such offer", { planId, offerId }),
  offerExpired: (offerId: string, expiresAt: string): DomainError<"WAITLIST.OFFER_EXPIRED"> =>
    domainError("WAITLIST.OFFER_EXPIRED", "the offer has expired", { offerId, expiresAt }),
  invalid: (message: string, details: Readonly<Record<string, unknown>>) =>
    domainError("VALIDATION.INVALID", message, details),
} as const;

/** Key-order-independent JSON, to tell an identical re-append from a different entry. */
export const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, inner]) => inner !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
