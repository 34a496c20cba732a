import type { ParcelRecord } from "@owners/app";
import {
  instant,
  localDate,
  lotId,
  ownerId,
  type ParcelProgress,
  parcelIdOf,
  planId,
  producerId,
  shipmentId,
} from "@owners/domain";
import { describe, expect, it } from "vitest";
import { parcelFromItem, parcelToItem } from "./parcel-mapper.ts";

const base: ParcelRecord = {
  id: parcelIdOf(shipmentId("shp_1"), localDate("2026-08-03")),
  planId: planId("plan_1"),
  producerId: producerId("farm"),
  ownerId: ownerId("alice"),
  shipmentId: shipmentId("shp_1"),
  lotId: lotId("lot_1"),
  shipOn: localDate("2026-08-03"),
  arriveBy: localDate("2026-08-05"),
  boxes: 2,
  progress: { state: "scheduled" },
  version: 1,
};

const AT = instant("2026-08-03T01:00:00.000Z");
const progresses: ParcelProgress[] = [
  { state: "scheduled" },
  { state: "shipped", carrier: "sagawa", trackingNumber: "123456789014", shippedAt: AT },
  {
    state: "delivered",
    carrier: "other",
    trackingNumber: "AB12",
    shippedAt: AT,
    deliveredAt: AT,
    confirmedBy: "auto",
  },
];

describe("parcel mapper", () => {
  it.each(progresses)("round-trips a $state parcel", (progress) => {
    const parcel = { ...base, progress, version: 3 };
    expect(parcelFromItem(parcelToItem(parcel))).toEqual(parcel);
  });
});
