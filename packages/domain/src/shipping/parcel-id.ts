import type { ShipmentId } from "../shared/ids.ts";
import type { LocalDate } from "../shared/time.ts";

declare const parcelBrand: unique symbol;

/**
 * One parcel: the boxes of one shipment (a lot's part for one ownership) leaving on one day.
 * Its id is derived, `<shipment id>.<YYYYMMDD>`, so the same parcel always has the same id (a
 * re-run of scheduling or the carrier's file read back name it alike). ASCII and URL-safe: it is
 * the お客様管理番号 printed on a slip and a path segment of the API.
 */
export type ParcelId = string & { readonly [parcelBrand]: "ParcelId" };

export const parcelIdOf = (shipmentId: ShipmentId, shipOn: LocalDate): ParcelId =>
  `${shipmentId}.${shipOn.replaceAll("-", "")}` as ParcelId;

/** A parcel id as read from a request or a file; the store says whether it exists. */
export const parcelId = (s: string) => s as ParcelId;
