import * as E from "fp-ts/lib/Either.js";
import { type DomainError, fail } from "../shared/errors.ts";
import type { Instant } from "../shared/time.ts";
import { type FieldIssue, requiredText } from "./field-issues.ts";
import { readSellerDisclosure, type SellerDisclosure } from "./seller-disclosure.ts";

export type ProducerApplicationStatus = "pending" | "approved" | "rejected" | "withdrawn";

/**
 * A person's request to sell on OWNERS as a producer. One per person (its id is the applicant's
 * id): `pending` until an admin approves it (the person becomes a producer) or rejects it with a
 * reason (the person may apply again, which replaces it), or until the applicant closes its
 * account, which withdraws it (no decision is left to make).
 */
export interface ProducerApplication {
  /** The applicant's id: a person has at most one application. */
  readonly id: string;
  readonly applicantId: string;
  readonly status: ProducerApplicationStatus;
  readonly farmName: string;
  readonly prefecture: string;
  readonly products: readonly string[];
  readonly story: string;
  readonly disclosure: SellerDisclosure;
  readonly submittedAt: Instant;
  readonly decidedAt?: Instant;
  /** The admin who decided. */
  readonly decidedBy?: string;
  /** Why it was rejected, in the admin's words (the applicant reads it). */
  readonly rejectionReason?: string;
  /** Optimistic locking: the store's version (0 before the first save). */
  readonly version: number;
}

/** What an applicant submits. */
export interface ProducerApplicationInput {
  readonly farmName: unknown;
  readonly prefecture: unknown;
  readonly products: unknown;
  readonly story: unknown;
  readonly disclosure: unknown;
}

export const APPLICATION_LIMITS = {
  farmName: 100,
  prefecture: 20,
  product: 50,
  products: 20,
  story: 4000,
  rejectionReason: 500,
} as const;

const readProducts = (issues: FieldIssue[], raw: unknown): string[] => {
  if (!Array.isArray(raw)) {
    issues.push({ field: "products", message: "must be a list of product names" });
    return [];
  }
  const products = raw.map((p, i) =>
    requiredText(issues, `products.${i}`, p, APPLICATION_LIMITS.product),
  );
  if (products.length === 0) issues.push({ field: "products", message: "name at least one" });
  if (products.length > APPLICATION_LIMITS.products)
    issues.push({ field: "products", message: `at most ${APPLICATION_LIMITS.products}` });
  return products;
};

const illegal = (message: string, status: ProducerApplicationStatus) =>
  fail("APPLICATION.ILLEGAL_TRANSITION", message, { status });

/**
 * A new application from `applicantId`, checked field by field (every failing field reported at
 * once). Refused while an earlier one is pending or after one was approved; a rejected one is
 * replaced (its version carries on, so the store's optimistic lock still guards the replacement).
 */
export const submitProducerApplication = (
  previous: ProducerApplication | undefined,
  applicantId: string,
  input: ProducerApplicationInput,
  at: Instant,
): E.Either<
  DomainError<"APPLICATION.INVALID" | "APPLICATION.ILLEGAL_TRANSITION">,
  ProducerApplication
> => {
  if (previous?.status === "pending")
    return illegal("an application is already waiting for a decision", previous.status);
  if (previous?.status === "approved")
    return illegal("this person is already an approved producer", previous.status);
  const issues: FieldIssue[] = [];
  const farmName = requiredText(issues, "farmName", input.farmName, APPLICATION_LIMITS.farmName);
  const prefecture = requiredText(
    issues,
    "prefecture",
    input.prefecture,
    APPLICATION_LIMITS.prefecture,
  );
  const products = readProducts(issues, input.products);
  const story = requiredText(issues, "story", input.story, APPLICATION_LIMITS.story);
  const disclosure = readSellerDisclosure(issues, input.disclosure);
  if (issues.length > 0)
    return fail("APPLICATION.INVALID", "the application is incomplete", { fields: issues });
  return E.right({
    id: applicantId,
    applicantId,
    status: "pending",
    farmName,
    prefecture,
    products,
    story,
    disclosure,
    submittedAt: at,
    version: previous?.version ?? 0,
  });
};

/**
 * The applicant closed its account while its application was pending: the application leaves the
 * queue for good. Any other status is kept (an approval or a rejection stays on record).
 */
export const withdrawProducerApplication = (
  application: ProducerApplication,
  at: Instant,
): ProducerApplication =>
  application.status === "pending"
    ? { ...application, status: "withdrawn", decidedAt: at }
    : application;

/** An admin approves a pending application. */
export const approveProducerApplication = (
  application: ProducerApplication,
  adminId: string,
  at: Instant,
): E.Either<DomainError<"APPLICATION.ILLEGAL_TRANSITION">, ProducerApplication> =>
  application.status === "pending"
    ? E.right({ ...application, status: "approved", decidedAt: at, decidedBy: adminId })
    : illegal(
        `an application that is ${application.status} cannot be approved`,
        application.status,
      );

/** An admin rejects a pending application, saying why (1..500 characters). */
export const rejectProducerApplication = (
  application: ProducerApplication,
  adminId: string,
  rawReason: unknown,
  at: Instant,
): E.Either<
  DomainError<"APPLICATION.INVALID" | "APPLICATION.ILLEGAL_TRANSITION">,
  ProducerApplication
> => {
  if (application.status !== "pending")
    return illegal(
      `an application that is ${application.status} cannot be rejected`,
      application.status,
    );
  const issues: FieldIssue[] = [];
  const reason = requiredText(issues, "reason", rawReason, APPLICATION_LIMITS.rejectionReason);
  if (issues.length > 0)
    return fail("APPLICATION.INVALID", "a rejection needs a reason the applicant can read", {
      fields: issues,
    });
  return E.right({
    ...application,
    status: "rejected",
    decidedAt: at,
    decidedBy: adminId,
    rejectionReason: reason,
  });
};
