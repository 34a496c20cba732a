import * as E from "fp-ts/lib/Either.js";
import { type DomainError, fail } from "../shared/errors.ts";
import { type FieldIssue, requiredText } from "./field-issues.ts";

/**
 * What Japan's Act on Specified Commercial Transactions (特定商取引法に基づく表記) requires an
 * online seller to show buyers. A producer states it in its application; its public page shows it.
 */
export interface SellerDisclosure {
  readonly legalName: string;
  readonly address: string;
  readonly phone: string;
  readonly email: string;
  readonly responsiblePerson: string;
  readonly pricesAndFees: string;
  readonly deliveryTime: string;
  readonly returnsAndCancellation: string;
}

/** Each field's length limit: a legal notice is short, the policies may take a paragraph. */
export const SELLER_DISCLOSURE_LIMITS: { readonly [K in keyof SellerDisclosure]: number } = {
  legalName: 100,
  address: 200,
  phone: 30,
  email: 254,
  responsiblePerson: 100,
  pricesAndFees: 1000,
  deliveryTime: 1000,
  returnsAndCancellation: 1000,
};

const PHONE = /^\+?[0-9][0-9 -]{8,18}[0-9]$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Reads a disclosure's fields into `issues` (each under `prefix`.<field>) and returns them trimmed:
 * every field present, a phone of digits (hyphens, spaces, a leading +), an email address.
 */
export const readSellerDisclosure = (
  issues: FieldIssue[],
  raw: unknown,
  prefix = "disclosure",
): SellerDisclosure => {
  const fields = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const text = (name: keyof SellerDisclosure) =>
    requiredText(issues, `${prefix}.${name}`, fields[name], SELLER_DISCLOSURE_LIMITS[name]);
  const disclosure: SellerDisclosure = {
    legalName: text("legalName"),
    address: text("address"),
    phone: text("phone"),
    email: text("email"),
    responsiblePerson: text("responsiblePerson"),
    pricesAndFees: text("pricesAndFees"),
    deliveryTime: text("deliveryTime"),
    returnsAndCancellation: text("returnsAndCancellation"),
  };
  if (disclosure.phone !== "" && !PHONE.test(disclosure.phone))
    issues.push({ field: `${prefix}.phone`, message: "must be a phone number (digits, hyphens)" });
  if (disclosure.email !== "" && !EMAIL.test(disclosure.email))
    issues.push({ field: `${prefix}.email`, message: "must be an email address" });
  return disclosure;
};

/** A disclosure on its own (a producer editing its profile): every failing field at once. */
export const validateSellerDisclosure = (
  raw: unknown,
): E.Either<DomainError<"APPLICATION.INVALID">, SellerDisclosure> => {
  const issues: FieldIssue[] = [];
  const disclosure = readSellerDisclosure(issues, raw);
  return issues.length === 0
    ? E.right(disclosure)
    : fail("APPLICATION.INVALID", "the seller disclosure is incomplete", { fields: issues });
};
