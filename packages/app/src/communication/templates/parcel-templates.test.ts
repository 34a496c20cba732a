import { describe, expect, it } from "vitest";
import { template as delivered } from "./parcel-delivered.ts";
import { template as shipped } from "./parcel-shipped.ts";

const params = {
  planTitle: "桃のオーナー",
  boxes: 2,
  carrierNameJa: "ヤマト運輸",
  carrierNameEn: "Yamato Transport",
  trackingNumber: "123456789014",
  arriveBy: "2026-08-05",
  trackingUrl: "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number01=123456789014",
};

describe("parcel templates", () => {
  it("give the tracking number and link in Japanese and English", () => {
    const ja = shipped.render(params, "ja");
    expect(ja.subject).toBe("「桃のオーナー」を発送しました");
    expect(ja.paragraphs.join("\n")).toContain("ヤマト運輸");
    expect(ja.paragraphs.join("\n")).toContain("123456789014");
    expect(ja.link?.url).toBe(params.trackingUrl);
    const en = shipped.render(params, "en");
    expect(en.paragraphs.join("\n")).toContain("Yamato Transport");
    expect(en.link?.url).toBe(params.trackingUrl);
    // "other" carriers have no tracking page: no link at all, not an empty one.
    const { trackingUrl: _, ...noLink } = params;
    expect(shipped.render(noLink, "ja").link).toBeUndefined();
  });

  it("thank the owner who confirmed, and tell others they were counted as delivered", () => {
    expect(delivered.render({ ...params, confirmedBy: "owner" }, "ja").paragraphs[0]).toContain(
      "ありがとうございます",
    );
    expect(delivered.render({ ...params, confirmedBy: "auto" }, "en").paragraphs).toHaveLength(2);
    expect(delivered.render({ ...params, confirmedBy: "auto" }, "ja").subject).toBe(
      "「桃のオーナー」が届きました",
    );
  });
});
