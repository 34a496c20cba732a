import * as E from "fp-ts/lib/Either.js";

/**
 * Every business failure the domain can report, by namespaced code, with the kind of
 * failure it is. The kind is what the HTTP layer maps to a status code (in one place),
 * so adding a code here is the only step needed for it to surface correctly.
 */
export const domainErrorKinds = {
  "VALIDATION.INVALID": "invalid",
  "MONEY.NOT_SAFE_INTEGER": "invalid",
  "MONEY.NEGATIVE": "invalid",
  "QUANTITY.INVALID": "invalid",
  "PLAN.INVALID": "invalid",
  "PLAN.ILLEGAL_TRANSITION": "conflict",
  "PLAN.FROZEN_FIELD": "conflict",
  "PLAN.NOT_OPEN": "conflict",
  "PLAN.SOLD_OUT": "conflict",
  "PLAN.OWNER_LIMIT": "conflict",
  "PLAN.NOT_PRODUCER": "forbidden",
  "PRICING.INVALID": "invalid",
  "PRICING.UNKNOWN_REGION": "invalid",
  "RESERVATION.INVALID_SHARES": "invalid",
  "RESERVATION.IDEMPOTENCY_MISMATCH": "conflict",
  "OWNERSHIP.NOT_ACTIVE": "conflict",
  "OWNERSHIP.CANCELLATION_CLOSED": "conflict",
  "OWNERSHIP.NOT_OWNER": "forbidden",
  "WAITLIST.NOT_SOLD_OUT": "conflict",
  "WAITLIST.ALREADY_WAITING": "conflict",
  "WAITLIST.NOT_WAITING": "conflict",
  "WAITLIST.OFFER_NOT_FOUND": "not_found",
  "WAITLIST.OFFER_EXPIRED": "conflict",
  "HARVEST.INVALID_LOT": "invalid",
  "HARVEST.NOT_ALLOCATABLE": "conflict",
  "HARVEST.COMPLETE": "conflict",
  "HARVEST.PAYMENTS_PENDING": "conflict",
  "CREDIT.INSUFFICIENT": "conflict",
  "SHIPPING.INFEASIBLE": "conflict",
  "SHIPPING.INVALID": "invalid",
  "PARCEL.INVALID_TRACKING": "invalid",
  "PARCEL.NOT_SHIPPED": "conflict",
  "PARCEL.ALREADY_DELIVERED": "conflict",
  "EXPERIENCE.INVALID": "invalid",
  "EXPERIENCE.FULL": "conflict",
  "EXPERIENCE.NOT_OWNER": "forbidden",
  "EXPERIENCE.CLOSED": "conflict",
  "EXPERIENCE.OWNER_LIMIT": "conflict",
  "EXPERIENCE.IDEMPOTENCY_MISMATCH": "conflict",
  "LEDGER.UNBALANCED": "conflict",
  "PAYMENT.MISMATCH": "conflict",
  "COMMUNICATION.INVALID": "invalid",
  "COMMENT.ALREADY_HIDDEN": "conflict",
  "APPLICATION.INVALID": "invalid",
  "APPLICATION.ILLEGAL_TRANSITION": "conflict",
  /** A producer or owner profile field out of bounds. */
  "PROFILE.INVALID": "invalid",
  // Season reports (lane season): refused before the plan completes, or out of bounds.
  "SEASON.PLAN_NOT_COMPLETED": "conflict",
  "SEASON.INVALID": "invalid",
} as const;

export type DomainErrorCode = keyof typeof domainErrorKinds;
export type ErrorKind =
  | "invalid"
  | "conflict"
  | "forbidden"
  | "not_found"
  | "unauthenticated"
  | "rate_limited"
  | "unavailable";

/** A business outcome that is not a success: tagged by its code, with a human message. */
export interface DomainError<C extends DomainErrorCode = DomainErrorCode> {
  readonly _tag: C;
  readonly message: string;
  /** Machine-readable facts (failing fields, limits) a client can act on. */
  readonly details?: Readonly<Record<string, unknown>>;
}

export const domainError = <C extends DomainErrorCode>(
  code: C,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): DomainError<C> =>
  details === undefined ? { _tag: code, message } : { _tag: code, message, details };

/** Shorthand for a failed Either carrying a domain error. */
export const fail = <C extends DomainErrorCode>(
  code: C,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): E.Either<DomainError<C>, never> => E.left(domainError(code, message, details));

export const isDomainError = (value: unknown): value is DomainError =>
  typeof value === "object" &&
  value !== null &&
  "_tag" in value &&
  typeof (value as { _tag: unknown })._tag === "string" &&
  (value as { _tag: string })._tag in domainErrorKinds;
