import type {
  Instant,
  LocalDate,
  LotId,
  OwnerId,
  OwnershipId,
  PlanId,
  ProducerId,
  ShipmentId,
} from "@owners/domain";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import type { ShippingAddress } from "../../ports/owner-profile-repository.ts";
import type { LotShipment } from "../../ports/shipment-repository.ts";
import { B2_COLUMNS, type B2Column, b2Index } from "./b2-cloud-layout.ts";
import { b2ShipmentsCsv } from "./b2-cloud-shipments.ts";
import { loadShiftJisCodec } from "./b2-shift-jis.ts";

const shiftJis = await loadShiftJisCodec();

const HOME: ShippingAddress = {
  recipientName: "髙橋 花子",
  postalCode: "150-0001",
  prefecture: "東京都",
  city: "渋谷区",
  line1: "神宮前1−2−3",
  line2: "メゾン神宮前 101",
  phone: "090-1234-5678",
};

const shipment = (id: string, address: ShippingAddress): LotShipment => ({
  id: id as ShipmentId,
  planId: "pln_1" as PlanId,
  producerId: "prd_1" as ProducerId,
  lotId: "lot_1" as LotId,
  ownershipId: `own_${id}` as OwnershipId,
  ownerId: "usr_1" as OwnerId,
  region: "kanto",
  address,
  units: 2,
  parcels: [
    {
      shipOn: "2026-08-03" as LocalDate,
      arriveBy: "2026-08-04" as LocalDate,
      boxes: 1,
      units: 2,
    },
  ],
  scheduledAt: "2026-08-01T00:00:00.000Z" as Instant,
  temperature: "chilled",
});

const PLAN = { title: "桃〜白鳳", unitLabel: "箱", region: "kanto" };

/** Reads the file as B2 does: Shift_JIS bytes, CRLF rows, comma-separated cells. */
const readBack = (body: Uint8Array) =>
  iconv
    .decode(Buffer.from(body), "Shift_JIS")
    .trim()
    .split("\r\n")
    .map((line) => line.split(","));

const cell = (row: readonly string[] | undefined, column: B2Column) => row?.[b2Index(column)];

describe("B2クラウド label file bytes", () => {
  it("is Shift_JIS without a BOM that decodes back to B2's columns and the parcel's values", () => {
    const file = b2ShipmentsCsv([shipment("shp_01", HOME)], PLAN, shiftJis);
    expect(file.body[0]).not.toBe(0xef); // no UTF-8 BOM
    const [header, row, ...rest] = readBack(file.body);
    expect(header).toEqual([...B2_COLUMNS]);
    expect(rest).toEqual([]);
    // The parcel id (shipment and ship day): what the issued slips file is read back by.
    expect(cell(row, "お客様管理番号")).toBe("shp_01.20260803");
    expect(cell(row, "お届け先名")).toBe("髙橋 花子");
    // The minus and the wave dash have no Shift_JIS byte: their full-width look-alikes do.
    expect(cell(row, "お届け先住所")).toBe("東京都渋谷区神宮前1－2－3");
    expect(cell(row, "品名１")).toBe("桃～白鳳 2箱");
    expect(file.problems).toEqual([]);
  });

  it("reports a character Shift_JIS cannot carry instead of letting it print as ?", () => {
    const file = b2ShipmentsCsv(
      [shipment("shp_01", HOME), shipment("shp_02", { ...HOME, recipientName: "𠮷田 太郎" })],
      PLAN,
      shiftJis,
    );
    expect(file.rows).toBe(2);
    expect(file.problems).toEqual([
      { key: "shp_02.20260803", column: "お届け先名", message: expect.stringContaining("𠮷") },
    ]);
  });
});
