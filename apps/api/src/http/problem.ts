import { type AppError, errorKindOf } from "@owners/app";
import type { ErrorKind } from "@owners/domain";

/** RFC 9457 problem details, the body of every failure this API returns. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail?: string;
  /** For validation failures: which fields were wrong and why. */
  readonly fields?: readonly { readonly field: string; readonly message: string }[];
  readonly [extra: string]: unknown;
}

const statusByKind: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};

const titleByKind: Record<ErrorKind, string> = {
  invalid: "The request is not valid",
  unauthenticated: "Authentication is required",
  forbidden: "Not allowed",
  not_found: "Not found",
  conflict: "The request conflicts with the current state",
  rate_limited: "Too many requests",
  unavailable: "Temporarily unavailable",
};

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

const typeFor = (code: string) =>
  `https://owners.example/problems/${code.toLowerCase().replaceAll(".", "-")}`;

/**
 * Detail keys for the log only: an adapter's `cause` quotes its SDK's error (an AWS AccessDenied
 * names the account and the role), which is ours to read and no client's.
 */
const INTERNAL_DETAILS = new Set(["cause"]);

const publicDetails = (
  details: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> =>
  Object.fromEntries(Object.entries(details).filter(([key]) => !INTERNAL_DETAILS.has(key)));

/**
 * The one place an application error becomes an HTTP status and body. An unavailable backend
 * says nothing of itself (its message and details name our infrastructure): the client gets the
 * request id to quote, the log has the rest.
 */
export const problemFromError = (error: AppError, requestId: string): Problem => {
  const kind = errorKindOf(error);
  const base = {
    type: typeFor(error._tag),
    title: titleByKind[kind],
    status: statusByKind[kind],
    code: error._tag,
  };
  if (kind === "unavailable")
    return { ...base, detail: `the service is unavailable (request ${requestId})` };
  const fields = error.details?.fields;
  return {
    ...base,
    detail: error.message,
    ...(Array.isArray(fields) ? { fields } : {}),
    ...(error.details !== undefined ? { details: publicDetails(error.details) } : {}),
  };
};

/** A problem for failures that happen before a use case runs (routing, parsing, limits). */
export const httpProblem = (
  status: number,
  code: string,
  detail: string,
  fields?: Problem["fields"],
): Problem => ({
  type: typeFor(code),
  title: detail,
  status,
  code,
  detail,
  ...(fields !== undefined ? { fields } : {}),
});

export const problemResponse = (problem: Problem): Response =>
  new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "content-type": PROBLEM_CONTENT_TYPE },
  });
