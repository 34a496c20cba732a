import type { Instant, ProducerId, ProducerProfile, SellerDisclosure } from "@owners/domain";
import { defined, type Item } from "./item.ts";

/** The profile's own attributes (no keys): stored on the profile item and on each listing copy. */
export const producerProfileAttributes = (p: ProducerProfile): Item =>
  defined({
    producerId: p.producerId,
    displayName: p.displayName,
    prefecture: p.prefecture,
    area: p.area,
    story: p.story,
    photos: [...p.photos],
    products: [...p.products],
    categories: [...p.categories],
    links: p.links.map((l) => ({ label: l.label, url: l.url })),
    disclosure: { ...p.disclosure },
    approvedAt: p.approvedAt,
    updatedAt: p.updatedAt,
    version: p.version,
  });

export const producerProfileFromItem = (item: Item): ProducerProfile => ({
  producerId: item.producerId as ProducerId,
  displayName: item.displayName as string,
  prefecture: item.prefecture as string,
  ...(item.area === undefined ? {} : { area: item.area as string }),
  story: item.story as string,
  photos: (item.photos as string[] | undefined) ?? [],
  products: (item.products as string[] | undefined) ?? [],
  categories: (item.categories as string[] | undefined) ?? [],
  links: (item.links as { label: string; url: string }[] | undefined) ?? [],
  disclosure: item.disclosure as SellerDisclosure,
  approvedAt: item.approvedAt as Instant,
  updatedAt: item.updatedAt as Instant,
  version: item.version as number,
});

/** Every listing partition a profile belongs to: all, its prefecture, each category, each pair. */
export const listingFilters = (
  p: Pick<ProducerProfile, "prefecture" | "categories">,
): { readonly prefecture?: string; readonly category?: string }[] => [
  {},
  { prefecture: p.prefecture },
  ...p.categories.map((category) => ({ category })),
  ...p.categories.map((category) => ({ prefecture: p.prefecture, category })),
];
