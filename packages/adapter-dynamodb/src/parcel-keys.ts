import type { ItemKey } from "./reservation-keys.ts";

/**
 * Parcels of a plan share its parcel partition with the plan's counts item, so a parcel's move and
 * the counts it changes are one small transaction; GSI1 lists one owner's parcels of a plan.
 */
export const parcelKeys = {
  partition: (planId: string) => `PARCELS#${planId}`,
  sort: (parcelId: string) => `PARCEL#${parcelId}`,
  sortPrefix: "PARCEL#",
  item: (planId: string, parcelId: string): ItemKey => ({
    PK: `PARCELS#${planId}`,
    SK: `PARCEL#${parcelId}`,
  }),
  counts: (planId: string): ItemKey => ({ PK: `PARCELS#${planId}`, SK: "COUNTS" }),
  /** GSI1: one owner's parcels of one plan. */
  ofOwner: (planId: string, ownerId: string) => `PARCELS#${planId}#OWNER#${ownerId}`,
} as const;
