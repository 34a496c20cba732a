import type { OwnerProfile, ShippingAddress } from "@owners/app";
import type { Instant, OwnerId } from "@owners/domain";
import { profileKeys } from "./harvest-keys.ts";
import { defined, type Item } from "./item.ts";

export const ownerProfileToItem = (p: OwnerProfile): Item => ({
  ...profileKeys.item(p.ownerId),
  entity: "ownerProfile",
  ownerId: p.ownerId,
  address: defined({ ...p.address }),
  region: p.region,
  updatedAt: p.updatedAt,
  version: p.version,
});

export const ownerProfileFromItem = (item: Item): OwnerProfile => ({
  ownerId: item.ownerId as OwnerId,
  address: item.address as ShippingAddress,
  region: item.region as string,
  updatedAt: item.updatedAt as Instant,
  version: item.version as number,
});
