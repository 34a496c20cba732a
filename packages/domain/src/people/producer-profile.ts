import * as E from "fp-ts/lib/Either.js";
import { type DomainError, fail } from "../shared/errors.ts";
import type { ProducerId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { SellerDisclosure } from "./seller-disclosure.ts";

export interface ProducerLink {
  readonly label: string;
  readonly url: string;
}

/**
 * A producer's public face: created from its approved application, then edited by the producer.
 * Photos are upload keys as plan photos are; categories are the plan categories it grows for
 * (the producers list filters on them).
 */
export interface ProducerProfile {
  readonly producerId: ProducerId;
  readonly displayName: string;
  readonly prefecture: string;
  readonly area?: string;
  readonly story: string;
  readonly photos: readonly string[];
  readonly products: readonly string[];
  readonly categories: readonly string[];
  readonly links: readonly ProducerLink[];
  readonly disclosure: SellerDisclosure;
  readonly approvedAt: Instant;
  readonly updatedAt: Instant;
  /** Optimistic locking: 1 on the first save, + 1 on every save. */
  readonly version: number;
}

/** What the producer may change itself (approval and identity stay). */
export type ProducerProfileEdit = Partial<
  Pick<
    ProducerProfile,
    | "displayName"
    | "prefecture"
    | "area"
    | "story"
    | "photos"
    | "products"
    | "categories"
    | "links"
    | "disclosure"
  >
>;

/** Bounds that keep one profile (and its listing entries) small enough for one transaction. */
export const PRODUCER_PROFILE_LIMITS = {
  displayName: 80,
  prefecture: 20,
  area: 80,
  story: 5000,
  photos: 10,
  products: 20,
  productChars: 60,
  categories: 8,
  categoryChars: 40,
  links: 5,
  disclosureChars: 1000,
} as const;

const invalid = (message: string, field: string) =>
  fail("PROFILE.INVALID", message, { field }) as E.Either<DomainError, never>;

const nonBlank = (value: string, max: number, field: string): E.Either<DomainError, string> => {
  const trimmed = value.trim();
  if (trimmed.length === 0) return invalid(`${field} must not be blank`, field);
  if ([...trimmed].length > max) return invalid(`${field} is longer than ${max} characters`, field);
  return E.right(trimmed);
};

const list = (
  values: readonly string[],
  maxItems: number,
  maxChars: number,
  field: string,
): E.Either<DomainError, readonly string[]> => {
  if (values.length > maxItems) return invalid(`at most ${maxItems} ${field}`, field);
  const out: string[] = [];
  for (const value of values) {
    const checked = nonBlank(value, maxChars, field);
    if (E.isLeft(checked)) return checked;
    if (!out.includes(checked.right)) out.push(checked.right);
  }
  return E.right(out);
};

const httpUrl = /^https?:\/\/[^\s]+$/;

/** Checks a whole profile: what both the approval (create) and every edit must satisfy. */
export const validateProducerProfile = (
  profile: ProducerProfile,
): E.Either<DomainError, ProducerProfile> => {
  const L = PRODUCER_PROFILE_LIMITS;
  const disclosureFields = Object.entries(profile.disclosure) as [string, string][];
  for (const [field, value] of disclosureFields) {
    const checked = nonBlank(value, L.disclosureChars, `disclosure.${field}`);
    if (E.isLeft(checked)) return checked;
  }
  if (profile.photos.length > L.photos) return invalid(`at most ${L.photos} photos`, "photos");
  if (profile.links.length > L.links) return invalid(`at most ${L.links} links`, "links");
  for (const link of profile.links) {
    if (!httpUrl.test(link.url)) return invalid("a link must be an http(s) URL", "links");
    const label = nonBlank(link.label, 80, "links");
    if (E.isLeft(label)) return label;
  }
  if (profile.area !== undefined && [...profile.area].length > L.area)
    return invalid(`area is longer than ${L.area} characters`, "area");
  if ([...profile.story].length > L.story)
    return invalid(`story is longer than ${L.story} characters`, "story");
  const displayName = nonBlank(profile.displayName, L.displayName, "displayName");
  if (E.isLeft(displayName)) return displayName;
  const prefecture = nonBlank(profile.prefecture, L.prefecture, "prefecture");
  if (E.isLeft(prefecture)) return prefecture;
  const products = list(profile.products, L.products, L.productChars, "products");
  if (E.isLeft(products)) return products;
  const categories = list(profile.categories, L.categories, L.categoryChars, "categories");
  if (E.isLeft(categories)) return categories;
  return E.right({
    ...profile,
    displayName: displayName.right,
    prefecture: prefecture.right,
    products: products.right,
    categories: categories.right,
  });
};

/** The producer edits its profile: the fields given replace the stored ones, then all is checked. */
export const editProducerProfile = (
  profile: ProducerProfile,
  edit: ProducerProfileEdit,
  now: Instant,
): E.Either<DomainError, ProducerProfile> => {
  const { area, ...rest } = edit;
  const base: ProducerProfile = { ...profile, ...rest, updatedAt: now };
  // An empty area clears it (the field is optional).
  const next: ProducerProfile =
    area === undefined
      ? base
      : area.trim() === ""
        ? (({ area: _gone, ...without }) => without)(base)
        : { ...base, area: area.trim() };
  return validateProducerProfile(next);
};
