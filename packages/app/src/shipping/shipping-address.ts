import {
  type DomainError,
  domainError,
  type TransitDaysTable,
  transitDaysTo,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import type { ShippingAddress } from "../ports/owner-profile-repository.ts";

const POSTAL_CODE = /^(\d{3})-?(\d{4})$/;
const PHONE = /^\+?[0-9][0-9\- ()]{8,18}$/;

interface FieldIssue {
  readonly field: string;
  readonly message: string;
}

const text = (value: unknown): string => (typeof value === "string" ? value.trim() : "");
const length = (value: string) => [...value].length;

export interface ValidAddress {
  readonly address: ShippingAddress;
  readonly region: string;
}

/**
 * Checks and normalises an address typed by an owner (trimmed, postal code as 123-4567) and its
 * shipping region, which must be one the transit table knows. Every bad field is reported.
 */
export const validateShippingAddress = (
  address: ShippingAddress,
  region: string,
  transitDays: TransitDaysTable,
): E.Either<DomainError<"VALIDATION.INVALID">, ValidAddress> => {
  const issues: FieldIssue[] = [];
  const required = (field: keyof ShippingAddress, max: number) => {
    const value = text(address[field]);
    if (value === "" || length(value) > max)
      issues.push({ field: `address.${field}`, message: `must be 1 to ${max} characters` });
    return value;
  };
  const recipientName = required("recipientName", 50);
  const prefecture = required("prefecture", 10);
  const city = required("city", 50);
  const line1 = required("line1", 100);
  const line2 = text(address.line2);
  if (length(line2) > 100)
    issues.push({ field: "address.line2", message: "must be at most 100 characters" });
  const postal = POSTAL_CODE.exec(text(address.postalCode));
  if (postal === null)
    issues.push({ field: "address.postalCode", message: "must be a postal code like 123-4567" });
  const phone = text(address.phone);
  if (!PHONE.test(phone))
    issues.push({ field: "address.phone", message: "must be a phone number" });
  if (transitDaysTo(transitDays, region) === undefined)
    issues.push({
      field: "region",
      message: `must be one of ${Object.keys(transitDays).join(", ")}`,
    });
  if (issues.length > 0)
    return E.left(
      domainError("VALIDATION.INVALID", "the shipping address is invalid", { fields: issues }),
    );
  return E.right({
    address: {
      recipientName,
      postalCode: `${postal?.[1]}-${postal?.[2]}`,
      prefecture,
      city,
      line1,
      ...(line2 === "" ? {} : { line2 }),
      phone,
    },
    region,
  });
};
