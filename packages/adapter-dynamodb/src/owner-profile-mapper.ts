import {
  type DeliveryChoice,
  type OwnerProfile,
  ownerProfileDefaults,
  type SavedAddress,
  type ShippingAddress,
} from "@owners/app";
import type { Instant, OwnerId } from "@owners/domain";
import { profileKeys } from "./harvest-keys.ts";
import { defined, type Item } from "./item.ts";

export const ownerProfileToItem = (p: OwnerProfile): Item =>
  defined({
    ...profileKeys.item(p.ownerId),
    entity: "ownerProfile",
    ownerId: p.ownerId,
    address: p.address === undefined ? undefined : defined({ ...p.address }),
    region: p.region,
    displayName: p.displayName,
    addresses: p.addresses.map((a) => ({ ...a, address: defined({ ...a.address }) })),
    language: p.language,
    notifications: { ...p.notifications },
    updatedAt: p.updatedAt,
    version: p.version,
    deliveryChoices: p.deliveryChoices,
  });

/** Items stored before names, saved addresses and preferences existed read with the defaults. */
export const ownerProfileFromItem = (item: Item): OwnerProfile => {
  const defaults = ownerProfileDefaults();
  return {
    ownerId: item.ownerId as OwnerId,
    ...(item.address === undefined ? {} : { address: item.address as ShippingAddress }),
    ...(item.region === undefined ? {} : { region: item.region as string }),
    ...(item.displayName === undefined ? {} : { displayName: item.displayName as string }),
    addresses: (item.addresses as SavedAddress[] | undefined) ?? defaults.addresses,
    language: (item.language as OwnerProfile["language"] | undefined) ?? defaults.language,
    notifications:
      (item.notifications as Record<string, boolean> | undefined) ?? defaults.notifications,
    updatedAt: item.updatedAt as Instant,
    version: item.version as number,
    ...(item.deliveryChoices === undefined
      ? {}
      : { deliveryChoices: item.deliveryChoices as Record<string, DeliveryChoice> }),
  };
};
