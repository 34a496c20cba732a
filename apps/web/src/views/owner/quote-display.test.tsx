import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { plan } from "../../testing/fixtures";
import { renderWithApp } from "../../testing/render";
import { PriceTiers, QuoteDisplay } from "./quote-display";

const quote = {
  shares: 3,
  unitPriceYen: 4800,
  lines: [
    { shares: 2, unitPriceYen: 4500, reason: "earlyBird" },
    { shares: 1, unitPriceYen: 5000, reason: "base" },
  ],
  sharesYen: 14_000,
  shippingRegion: "okinawa",
  shippingYen: 3_600,
  totalYen: 17_600,
};

describe("QuoteDisplay", () => {
  it("shows each tier line, the shipping by region and the total, in yen", () => {
    renderWithApp(<QuoteDisplay quote={quote} />);
    const table = screen.getByRole("table", { name: "お見積もり" });
    const rows = within(table)
      .getAllByRole("row")
      .map((row) => row.textContent);
    expect(rows).toEqual([
      "早割2口 × 4,500円9,000円",
      "通常価格1口 × 5,000円5,000円",
      "小計14,000円",
      "送料（沖縄）3,600円",
      "合計17,600円",
    ]);
  });

  it("shows a chilled plan's クール便 surcharge as its own line of the total", () => {
    renderWithApp(
      <QuoteDisplay
        quote={{
          ...quote,
          temperatureSurcharge: { temperature: "chilled", boxes: 3, yenPerBox: 300, yen: 900 },
          totalYen: 18_500,
        }}
      />,
    );
    const rows = within(screen.getByRole("table", { name: "お見積もり" }))
      .getAllByRole("row")
      .map((row) => row.textContent);
    expect(rows.slice(3)).toEqual([
      "送料（沖縄）3,600円",
      "クール便料金（冷蔵・3箱 × 300円）900円",
      "合計18,500円",
    ]);
  });

  it("names an unknown tier by the API's own word rather than a blank, and speaks English", () => {
    renderWithApp(
      <QuoteDisplay
        quote={{ ...quote, lines: [{ shares: 3, unitPriceYen: 4000, reason: "harvestFestival" }] }}
      />,
      { lang: "en" },
    );
    expect(screen.getByRole("row", { name: /harvestFestival/ }).textContent).toBe(
      "harvestFestival3 × ¥4,000¥12,000",
    );
    expect(screen.getByText("Shipping (Okinawa)")).toBeTruthy();
    expect(screen.getByTestId("quote-total").textContent).toBe("¥17,600");
  });

  it("lists the producer's tiers before the regular price", () => {
    renderWithApp(
      <PriceTiers
        plan={plan({
          tiers: [
            { kind: "earlyBird", until: "2026-06-10T15:00:00.000Z", priceYen: 4500 },
            { kind: "firstShares", count: 20, priceYen: 4000 },
          ],
        })}
      />,
    );
    expect(screen.getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "早割：2026年6月11日まで 1口 4,500円",
      "先着20口まで 1口 4,000円",
      "通常 1口 5,000円",
    ]);
  });
});
