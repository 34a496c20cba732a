import { type DomainError, domainErrorKinds, type ErrorKind } from "@owners/domain";
import type * as E from "fp-ts/lib/Either.js";
import * as TE from "fp-ts/lib/TaskEither.js";

/**
 * Failures that only exist outside the pure domain: lookups, auth, storage, uploads.
 * Together with the domain's codes they form the complete list the HTTP layer maps.
 */
export const appOnlyErrorKinds = {
  "AUTH.UNAUTHENTICATED": "unauthenticated",
  "AUTH.FORBIDDEN": "forbidden",
  "PLAN.NOT_FOUND": "not_found",
  "PLAN.WRONG_STATUS": "conflict",
  "OWNERSHIP.NOT_FOUND": "not_found",
  "EXPERIENCE.NOT_FOUND": "not_found",
  "BOOKING.NOT_FOUND": "not_found",
  "UPDATE.NOT_FOUND": "not_found",
  "COMMENT.NOT_FOUND": "not_found",
  "LOT.NOT_FOUND": "not_found",
  "OUTBOX.NOT_FOUND": "not_found",
  /** No approved producer by that id. */
  "PRODUCER.NOT_FOUND": "not_found",
  /** No saved address by that id among the caller's. */
  "ADDRESS.NOT_FOUND": "not_found",
  "PAGINATION.INVALID_CURSOR": "invalid",
  "STORE.VERSION_CONFLICT": "conflict",
  "STORE.DUPLICATE": "conflict",
  "STORE.UNAVAILABLE": "unavailable",
  /** One item (a hot plan's counter) takes more writes than it can, after the client's retries. */
  "STORE.THROTTLED": "unavailable",
  "PAYMENT.DECLINED": "conflict",
  "PAYMENT.UNAVAILABLE": "unavailable",
  "PAYMENT.BAD_SIGNATURE": "invalid",
  /** The producer's payout account cannot take charges yet: it finishes onboarding first. */
  "PAYOUT.NOT_READY": "conflict",
  /** The producer has no payout account yet (it starts onboarding first). */
  "PAYOUT.NOT_ONBOARDED": "conflict",
  "UPLOAD.INVALID": "invalid",
  "UPLOAD.NOT_FOUND": "not_found",
  "UPLOAD.FORBIDDEN": "forbidden",
  "UPLOAD.RATE_LIMITED": "rate_limited",
  "BATCH.UNKNOWN": "not_found",
  "BATCH.LEASE_HELD": "conflict",
  "BLOB.NOT_FOUND": "not_found",
  "NOTIFY.UNAVAILABLE": "unavailable",
  "SCHEDULER.UNAVAILABLE": "unavailable",
  "APPLICATION.NOT_FOUND": "not_found",
  /** The identity provider (Cognito) did not answer. */
  "IDENTITY.UNAVAILABLE": "unavailable",
  "IDENTITY.USER_NOT_FOUND": "not_found",
  /** The person's account was closed (or never existed): nothing is held about them any more. */
  "ACCOUNT.NOT_FOUND": "not_found",
  /** Closing the account must wait: ownerships past their cancellation deadline, live plans. */
  "ACCOUNT.DELETION_BLOCKED": "conflict",
  /** An audit search names no index to read (a subject or an actor). */
  "AUDIT.QUERY_INVALID": "invalid",
  /** Lambda refused to set the API's provisioned concurrency (the warm-api batch). */
  "CAPACITY.UNAVAILABLE": "unavailable",
  /** No parcel with this id in the plan (lane "parcels"). */
  "PARCEL.NOT_FOUND": "not_found",
} as const satisfies Record<string, ErrorKind>;

export const appErrorKinds = { ...domainErrorKinds, ...appOnlyErrorKinds } as const;

export type AppOnlyErrorCode = keyof typeof appOnlyErrorKinds;
export type AppErrorCode = keyof typeof appErrorKinds;

export interface AppOnlyError<C extends AppOnlyErrorCode = AppOnlyErrorCode> {
  readonly _tag: C;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Every failure a use case can return: a domain outcome or an application/infrastructure one. */
export type AppError = DomainError | AppOnlyError;

export const appError = <C extends AppOnlyErrorCode>(
  code: C,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): AppOnlyError<C> =>
  details === undefined ? { _tag: code, message } : { _tag: code, message, details };

export const failTE = <C extends AppOnlyErrorCode>(
  code: C,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): TE.TaskEither<AppOnlyError<C>, never> => TE.left(appError(code, message, details));

export const errorKindOf = (error: AppError): ErrorKind => appErrorKinds[error._tag];

/** A domain decision (an Either of a domain error) as a use-case step. */
export const decided = <A>(result: E.Either<DomainError, A>): TE.TaskEither<AppError, A> =>
  TE.fromEither(result);
