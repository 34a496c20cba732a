import { describe, expect, it } from "vitest";
import { expectProblem } from "../testing/expect-problem.ts";
import { makeWorld } from "../testing/world.ts";

const P = ["producer-a", "producer"] as const;
const O1 = ["o1", "owner"] as const;
const b64 = (text: string) => Buffer.from(text).toString("base64");

describe("parcel routes", () => {
  it("take a season's tracking file, beyond the standard body limit, up to their own", async () => {
    const w = await makeWorld();
    const base = `/plans/${w.allocatedId}/parcels`;
    // 3,000 rows (about 100 KB, more in base64): over the 64 KB every other route allows.
    const rows = Array.from(
      { length: 2_999 },
      (_, i) => `parcel_${i},ヤマト運輸,${400000000000 + i}`,
    );
    const text = [
      "parcel id,carrier,tracking number",
      `${w.parcelId},日本郵便,1234-5678-9012`,
      ...rows,
    ];
    const file = b64(`${text.join("\n")}\n`);
    expect(file.length).toBeGreaterThan(64 * 1024);
    const report = await w.h.call("POST", `${base}/tracking-file`, {
      body: { fileBase64: file },
      as: [...P],
    });
    expect(report.status).toBe(200);
    expect(report.body.rows).toHaveLength(3_000);
    expect(report.body.rows[0]).toMatchObject({ parcelId: w.parcelId, outcome: "corrected" });
    // The same bytes elsewhere, and a file beyond this route's own limit, are 413.
    expectProblem(
      await w.h.call("POST", "/plans", { body: { story: file }, as: [...P] }),
      413,
      "REQUEST.TOO_LARGE",
    );
    expectProblem(
      await w.h.call("POST", `${base}/tracking-file`, {
        body: { fileBase64: "A".repeat(5 * 1024 * 1024) },
        as: [...P],
      }),
      413,
      "REQUEST.TOO_LARGE",
    );
  });

  it("refuse bad input with problem details, never a 500, and take the rest", async () => {
    const w = await makeWorld();
    const base = `/plans/${w.allocatedId}/parcels`;
    const upload = (text: string) =>
      w.h.call("POST", `${base}/tracking-file`, { body: { fileBase64: b64(text) }, as: [...P] });

    expectProblem(await upload("just,some\nwords,here\n"), 400, "VALIDATION.INVALID");
    expectProblem(
      await upload('parcel id,carrier,tracking number\n"oops\n'),
      400,
      "VALIDATION.INVALID",
    );
    expectProblem(
      await w.h.call("POST", `${base}/tracking-file`, { body: { fileBase64: "%%%" }, as: [...P] }),
      400,
      "VALIDATION.INVALID",
    );
    expectProblem(
      await w.h.call("PUT", `${base}/${w.parcelId}/shipment`, {
        body: { carrier: "dhl", trackingNumber: "1" },
        as: [...P],
      }),
      400,
      "VALIDATION.INVALID",
    );
    expectProblem(
      await w.h.call("PUT", `${base}/${w.parcelId}/shipment`, {
        body: { carrier: "yamato", trackingNumber: "123456789010" },
        as: [...P],
      }),
      400,
      "PARCEL.INVALID_TRACKING",
    );

    const report = await upload(
      `parcel id,carrier,tracking number\n${w.parcelId},日本郵便,1234-5678-9012\nnope,other,X\n`,
    );
    expect(report.status).toBe(200);
    expect(report.body.rows).toEqual([
      { row: 2, parcelId: w.parcelId, outcome: "corrected", trackingNumber: "123456789012" },
      expect.objectContaining({ row: 3, outcome: "refused", code: "PARCEL.NOT_FOUND" }),
    ]);

    const mine = await w.h.call("GET", base, { as: [...O1] });
    const parcel = (mine.body.items as { id: string; trackingUrl?: string }[]).find(
      (p) => p.id === w.parcelId,
    );
    expect(parcel?.trackingUrl).toContain("japanpost.jp");
    const confirmed = await w.h.call("POST", `${base}/${w.parcelId}/delivery-confirmation`, {
      as: [...O1],
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.parcel.progress).toMatchObject({
      state: "delivered",
      confirmedBy: "owner",
    });
    // Delivered: another number is refused as a conflict.
    expectProblem(
      await w.h.call("PUT", `${base}/${w.parcelId}/shipment`, {
        body: { carrier: "other", trackingNumber: "LATE" },
        as: [...P],
      }),
      409,
      "PARCEL.ALREADY_DELIVERED",
    );
    // The owner's data export carries the parcel with its tracking.
    const exported = await w.h.call("GET", "/me/export", { as: [...O1] });
    expect(exported.body.data.parcels).toEqual([
      expect.objectContaining({
        id: w.parcelId,
        progress: expect.objectContaining({ state: "delivered", trackingNumber: "123456789012" }),
      }),
    ]);
  });
});
