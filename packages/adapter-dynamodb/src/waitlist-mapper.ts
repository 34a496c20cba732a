import { byEntrySeq } from "@owners/app";
import {
  emptyWaitlist,
  type Instant,
  millisOf,
  type OfferId,
  type OwnerId,
  type PlanId,
  type Waitlist,
  type WaitlistEntry,
  type WaitlistOffer,
} from "@owners/domain";
import { defined, type Item } from "./item.ts";
import { waitlistKeys } from "./reservation-keys.ts";

/**
 * How long DynamoDB keeps an offer after it expired before its TTL may delete it. The expiry batch
 * withdraws expired offers (releasing their held shares) well within this; reads never trust an
 * expired offer in the meantime. TTL is only the garbage collector.
 */
export const OFFER_TTL_GRACE_SECONDS = 7 * 24 * 3600;

export const waitlistHeadToItem = (waitlist: Waitlist): Item => ({
  ...waitlistKeys.head(waitlist.planId),
  entity: "waitlist",
  planId: waitlist.planId,
  nextSeq: waitlist.nextSeq,
  version: waitlist.version,
  heldForLine: waitlist.heldForLine ?? 0,
  // Sparse: only a head holding shares for the line is in the expiry batch's index.
  ...((waitlist.heldForLine ?? 0) > 0
    ? { GSI2PK: waitlistKeys.holdingForLine, GSI2SK: waitlist.planId }
    : {}),
});

export const waitlistEntryToItem = (planId: PlanId, entry: WaitlistEntry): Item => ({
  ...waitlistKeys.entry(planId, entry.seq),
  GSI1PK: waitlistKeys.entriesOfOwner(entry.ownerId),
  GSI1SK: waitlistKeys.entrySort(entry.joinedAt, planId, entry.seq),
  entity: "waitlist-entry",
  planId,
  ownerId: entry.ownerId,
  shares: entry.shares,
  joinedAt: entry.joinedAt,
  seq: entry.seq,
});

export const waitlistOfferToItem = (planId: PlanId, offer: WaitlistOffer): Item =>
  defined({
    ...waitlistKeys.offer(planId, offer.id),
    GSI1PK: waitlistKeys.offersOfOwner(offer.ownerId),
    GSI1SK: waitlistKeys.expirySort(offer.expiresAt, planId, offer.id),
    GSI2PK: waitlistKeys.allOffers,
    GSI2SK: waitlistKeys.expirySort(offer.expiresAt, planId, offer.id),
    entity: "waitlist-offer",
    planId,
    id: offer.id,
    ownerId: offer.ownerId,
    shares: offer.shares,
    wantedShares: offer.wantedShares,
    entrySeq: offer.entrySeq,
    offeredAt: offer.offeredAt,
    expiresAt: offer.expiresAt,
    expiresAtEpoch: Math.floor(millisOf(offer.expiresAt) / 1000) + OFFER_TTL_GRACE_SECONDS,
  });

export const waitlistEntryFromItem = (item: Item): WaitlistEntry => ({
  ownerId: item.ownerId as OwnerId,
  shares: item.shares as number,
  joinedAt: item.joinedAt as Instant,
  seq: item.seq as number,
});

export const waitlistOfferFromItem = (item: Item): WaitlistOffer => ({
  id: item.id as OfferId,
  ownerId: item.ownerId as OwnerId,
  shares: item.shares as number,
  wantedShares: item.wantedShares as number,
  entrySeq: item.entrySeq as number,
  offeredAt: item.offeredAt as Instant,
  expiresAt: item.expiresAt as Instant,
});

/** The whole stored waitlist (every stored offer, expired or not) from its partition's items. */
export const waitlistFromItems = (planId: PlanId, items: readonly Item[]): Waitlist => {
  const head = items.find((item) => item.SK === waitlistKeys.head(planId).SK);
  const base = emptyWaitlist(planId);
  return {
    planId,
    entries: items
      .filter((item) => item.entity === "waitlist-entry")
      .map(waitlistEntryFromItem)
      .sort((a, b) => a.seq - b.seq),
    offers: items
      .filter((item) => item.entity === "waitlist-offer")
      .map(waitlistOfferFromItem)
      .sort(byEntrySeq),
    nextSeq: head === undefined ? base.nextSeq : (head.nextSeq as number),
    version: head === undefined ? base.version : (head.version as number),
    ...(typeof head?.heldForLine === "number" && head.heldForLine > 0
      ? { heldForLine: head.heldForLine }
      : {}),
  };
};
