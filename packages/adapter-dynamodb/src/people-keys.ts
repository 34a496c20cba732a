import type { ItemKey } from "./reservation-keys.ts";

/** Filter values go into keys escaped, so a "#" in a prefecture or category cannot forge a key. */
const part = (value: string) => encodeURIComponent(value);

/**
 * The keys of producer profiles, their listing entries and follows. The README's
 * "People" table lists the access patterns.
 */
export const producerProfileKeys = {
  item: (producerId: string): ItemKey => ({ PK: `PRODUCER#${producerId}`, SK: "PROFILE" }),
  /**
   * One listing partition per filter combination: all, by prefecture, by category, by both. A
   * profile is copied into each partition it matches, so every `GET /producers` filter is one Query.
   */
  listing: (filter: { readonly prefecture?: string; readonly category?: string }) =>
    filter.prefecture === undefined
      ? filter.category === undefined
        ? "PRODUCERS#ALL"
        : `PRODUCERS#CAT#${part(filter.category)}`
      : filter.category === undefined
        ? `PRODUCERS#PREF#${part(filter.prefecture)}`
        : `PRODUCERS#PREF#${part(filter.prefecture)}#CAT#${part(filter.category)}`,
  /** Most recently approved first when queried backwards; the id breaks ties. */
  listingSort: (approvedAt: string, producerId: string) => `${approvedAt}#${producerId}`,
} as const;

export const followKeys = {
  /** A producer's followers share one partition (read a page at a time when it publishes). */
  item: (producerId: string, ownerId: string): ItemKey => ({
    PK: `PRODUCER#${producerId}#FOLLOWERS`,
    SK: `OWNER#${ownerId}`,
  }),
  followersPartition: (producerId: string) => `PRODUCER#${producerId}#FOLLOWERS`,
  /** GSI1: an owner's follows, newest first. */
  byOwner: (ownerId: string) => `OWNER#${ownerId}#FOLLOWS`,
  byOwnerSort: (followedAt: string, producerId: string) => `${followedAt}#${producerId}`,
  /** The follower count, moved in the same transaction as each follow and unfollow. */
  count: (producerId: string): ItemKey => ({ PK: `PRODUCER#${producerId}`, SK: "FOLLOWERS" }),
} as const;

/** The keys of producer applications (README: "People"). */
export const applicationKeys = {
  /** One item per applicant. */
  item: (id: string): ItemKey => ({ PK: `APPLICATION#${id}`, SK: "APPLICATION" }),
  /** GSI1: applications by status, oldest submission first (few: one partition per status). */
  byStatus: (status: string) => `APPLICATIONS#${status}`,
  byStatusSort: (submittedAt: string, id: string) => `${submittedAt}#${id}`,
} as const;
