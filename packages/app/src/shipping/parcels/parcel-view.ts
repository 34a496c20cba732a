import { type ParcelProgress, trackingUrl } from "@owners/domain";
import type { ParcelRecord } from "../../ports/parcel-store.ts";

/** A parcel as the API shows it: its record, and the carrier's tracking page when there is one. */
export type ParcelView = Omit<ParcelRecord, "version" | "progress"> & {
  readonly progress: ParcelProgress;
  readonly trackingUrl?: string;
};

export const parcelView = ({ version: _, ...parcel }: ParcelRecord): ParcelView => {
  const url =
    parcel.progress.state === "scheduled"
      ? undefined
      : trackingUrl(parcel.progress.carrier, parcel.progress.trackingNumber);
  return url === undefined ? parcel : { ...parcel, trackingUrl: url };
};
