import { type LocalDate, localDate } from "@owners/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ShippingAddress } from "../../ports/owner-profile-repository.ts";
import { type B2Parcel, type B2Sender, b2CloudExport } from "./b2-cloud-export.ts";
import { readIssuedSlips } from "./b2-cloud-issued.ts";
import { B2_COLUMNS, type B2Column, b2Index, b2Width } from "./b2-cloud-layout.ts";

const SENDER: B2Sender = {
  name: "山田農園",
  phone: "0263-12-3456",
  postalCode: "390-0001",
  address: "長野県松本市大字里山辺1234",
  billingCustomerCode: "026312345601",
  freightManagementNumber: "01",
};

const HOME: ShippingAddress = {
  recipientName: "佐藤 花子",
  postalCode: "150-0001",
  prefecture: "東京都",
  city: "渋谷区",
  line1: "神宮前1-2-3",
  line2: "メゾン神宮前 101",
  phone: "090-1234-5678",
};

const parcel = (overrides: Partial<B2Parcel> = {}): B2Parcel => ({
  key: "shp_01#0",
  shipOn: localDate("2026-08-03"),
  arriveBy: localDate("2026-08-04") as LocalDate,
  temperature: "chilled",
  slot: "14-16",
  recipient: HOME,
  description: "桃 2箱",
  ...overrides,
});

const cell = (row: readonly string[] | undefined, column: B2Column) => row?.[b2Index(column)];

describe("B2クラウド label import", () => {
  it("writes B2's columns in its order with its codes for cool, slot and prepaid", () => {
    const { rows, problems } = b2CloudExport([parcel()], SENDER);
    expect(rows[0]).toEqual([...B2_COLUMNS]);
    const row = rows[1];
    expect(row).toHaveLength(B2_COLUMNS.length);
    expect(cell(row, "お客様管理番号")).toBe("shp_01#0");
    expect(cell(row, "送り状種類")).toBe("0");
    expect(cell(row, "クール区分")).toBe("2");
    expect(cell(row, "伝票番号")).toBe("");
    expect(cell(row, "出荷予定日")).toBe("2026/08/03");
    expect(cell(row, "お届け予定日")).toBe("2026/08/04");
    expect(cell(row, "配達時間帯")).toBe("1416");
    expect(cell(row, "お届け先郵便番号")).toBe("150-0001");
    expect(cell(row, "お届け先住所")).toBe("東京都渋谷区神宮前1-2-3");
    expect(cell(row, "お届け先アパートマンション名")).toBe("メゾン神宮前 101");
    expect(cell(row, "お届け先名")).toBe("佐藤 花子");
    expect(cell(row, "ご依頼主名")).toBe("山田農園");
    expect(cell(row, "品名１")).toBe("桃 2箱");
    expect(cell(row, "請求先顧客コード")).toBe("026312345601");
    expect(cell(row, "運賃管理番号")).toBe("01");
    expect(problems).toEqual([]);
  });

  it("codes frozen and ambient boxes and leaves the slot empty when none was chosen", () => {
    const { rows } = b2CloudExport(
      [
        parcel({ key: "a", temperature: "frozen", slot: "am" }),
        parcel({ key: "b", temperature: "ambient", slot: undefined }),
      ],
      SENDER,
    );
    expect([cell(rows[1], "クール区分"), cell(rows[1], "配達時間帯")]).toEqual(["1", "0812"]);
    expect([cell(rows[2], "クール区分"), cell(rows[2], "配達時間帯")]).toEqual(["0", ""]);
  });

  it("reports a field wider than B2 takes instead of cutting an address", () => {
    const long = { ...HOME, line1: "大字".repeat(20) };
    const { rows, problems } = b2CloudExport([parcel({ recipient: long })], SENDER);
    expect(cell(rows[1], "お届け先住所")).toBe(`東京都渋谷区${"大字".repeat(20)}`);
    expect(problems).toEqual([
      {
        key: "shp_01#0",
        column: "お届け先住所",
        message: expect.stringMatching(/92 wide; B2 takes 64/),
      },
    ]);
  });

  it("counts width as B2 does: half-width 1, full-width 2", () => {
    expect(b2Width("abc-123")).toBe(7);
    expect(b2Width("ｱｲｳ")).toBe(3);
    expect(b2Width("アイウ東京")).toBe(10);
  });
});

describe("B2クラウド issued slips read back", () => {
  const SLIP = "444413758703";
  const issued = (key: string, slip: string): string[] => {
    const row: string[] = B2_COLUMNS.map(() => "");
    row[b2Index("お客様管理番号")] = key;
    row[b2Index("伝票番号")] = slip;
    return row;
  };

  it("gives each of our parcels its slip number, skipping header, blanks and others' rows", () => {
    const rows = [
      [...B2_COLUMNS],
      issued("shp_01#0", "4444-1375-8703"),
      [],
      issued("someone-else", "512547514334"),
      issued("shp_02#0", "512547514334"),
    ];
    expect(readIssuedSlips(rows, new Set(["shp_01#0", "shp_02#0", "shp_03#0"]))).toEqual({
      slips: [
        { key: "shp_01#0", trackingNumber: SLIP },
        { key: "shp_02#0", trackingNumber: "512547514334" },
      ],
      problems: [],
    });
  });

  it("reports a row of ours whose slip number is missing or fails its check digit", () => {
    const rows = [issued("shp_01#0", ""), issued("shp_02#0", "444413758704")];
    const read = readIssuedSlips(rows, new Set(["shp_01#0", "shp_02#0"]));
    expect(read.slips).toEqual([]);
    expect(read.problems.map((p) => p.row)).toEqual([1, 2]);
    expect(read.problems[1]?.message).toMatch(/shp_02#0: .*check digit/);
  });

  it("round-trips: every exported parcel is found again once B2 fills in its slip", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^shp_[a-z0-9]{1,8}#[0-9]$/), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.array(fc.stringMatching(/^\d{11}$/), { minLength: 30, maxLength: 30 }),
        (keys, elevens) => {
          const { rows } = b2CloudExport(
            keys.map((key) => parcel({ key })),
            SENDER,
          );
          const slips = keys.map((_, i) => {
            const eleven = elevens[i] ?? "00000000000";
            return `${eleven}${Number(BigInt(eleven) % 7n)}`;
          });
          const back = rows.map((row, i) => {
            if (i === 0) return row;
            const filled = [...row];
            filled[b2Index("伝票番号")] = slips[i - 1] ?? "";
            return filled;
          });
          expect(readIssuedSlips(back, new Set(keys))).toEqual({
            slips: keys.map((key, i) => ({ key, trackingNumber: slips[i] })),
            problems: [],
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
