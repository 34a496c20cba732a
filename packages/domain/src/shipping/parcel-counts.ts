import type { ParcelProgress } from "./parcel-progress.ts";

/**
 * A plan's parcels counted by how far they got: stored next to the parcels and moved in the same
 * write as each one, so whether the plan is shipped or completed is read, never scanned for.
 * `shipped` counts every parcel that left (delivered ones included): shipped ≥ delivered.
 */
export interface ParcelCounts {
  readonly total: number;
  readonly shipped: number;
  readonly delivered: number;
}

export const NO_PARCELS: ParcelCounts = { total: 0, shipped: 0, delivered: 0 };

const left = (p: ParcelProgress): number => (p.state === "scheduled" ? 0 : 1);
const arrived = (p: ParcelProgress): number => (p.state === "delivered" ? 1 : 0);

/** The counts of these parcels. */
export const countParcels = (parcels: readonly ParcelProgress[]): ParcelCounts =>
  parcels.reduce(
    (sum, p) => ({
      total: sum.total + 1,
      shipped: sum.shipped + left(p),
      delivered: sum.delivered + arrived(p),
    }),
    NO_PARCELS,
  );

/** What one parcel's move adds to the counts (a corrected tracking number adds nothing). */
export const countChange = (before: ParcelProgress, after: ParcelProgress): ParcelCounts => ({
  total: 0,
  shipped: left(after) - left(before),
  delivered: arrived(after) - arrived(before),
});

export const addParcelCounts = (a: ParcelCounts, b: ParcelCounts): ParcelCounts => ({
  total: a.total + b.total,
  shipped: a.shipped + b.shipped,
  delivered: a.delivered + b.delivered,
});
