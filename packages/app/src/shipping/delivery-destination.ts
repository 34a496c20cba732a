import type { DeliverySlot } from "@owners/domain";
import type {
  DeliveryChoice,
  OwnerProfile,
  ShippingAddress,
} from "../ports/owner-profile-repository.ts";

/** Where one ownership's boxes go when its lot is scheduled. */
export interface DeliveryDestination {
  readonly region: string;
  readonly address: ShippingAddress;
  readonly slot?: DeliverySlot;
  readonly giftMessage?: string;
}

/** The owner's choice for this ownership, if it made one. */
export const deliveryChoiceOf = (
  profile: OwnerProfile | undefined,
  ownershipId: string,
): DeliveryChoice | undefined =>
  profile?.deliveryChoices !== undefined && Object.hasOwn(profile.deliveryChoices, ownershipId)
    ? profile.deliveryChoices[ownershipId]
    : undefined;

/**
 * Resolves the owner's choice against its profile as it is now: a gift address as given, a
 * saved address as currently saved (one removed since falls back to the default, never to
 * nothing), otherwise the default address. Undefined when there is no address at all.
 */
export const deliveryDestination = (
  profile: OwnerProfile | undefined,
  ownershipId: string,
): DeliveryDestination | undefined => {
  const choice = deliveryChoiceOf(profile, ownershipId);
  const slot = choice?.slot === undefined ? {} : { slot: choice.slot };
  if (choice?.kind === "gift")
    return { region: choice.region, address: choice.address, giftMessage: choice.message, ...slot };
  if (choice?.kind === "saved") {
    const saved = profile?.addresses.find((a) => a.id === choice.addressId);
    if (saved !== undefined) return { region: saved.region, address: saved.address, ...slot };
  }
  if (profile?.address === undefined || profile.region === undefined) return undefined;
  return { region: profile.region, address: profile.address, ...slot };
};
