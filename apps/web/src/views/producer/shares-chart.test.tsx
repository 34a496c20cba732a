import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithApp } from "../../testing/render";
import { cumulativePoints, SharesChart } from "./shares-chart";

const days = [
  { day: "2026-06-01", shares: 2 },
  { day: "2026-06-02", shares: 0 },
  { day: "2026-06-03", shares: 6 },
];

describe("shares sold over time", () => {
  it("accumulates day by day, left to right, the top of the box being the total", () => {
    const { total, points } = cumulativePoints(days, 200, 100);
    expect(total).toBe(8);
    expect(points.map((p) => p.total)).toEqual([2, 2, 8]);
    expect(points.map((p) => p.x)).toEqual([24, 100, 176]);
    expect(points[2]?.y).toBe(24);
    expect(points[0]?.y).toBeGreaterThan(points[2]?.y ?? 0);
  });

  it("says the totals in words and draws a bar per day", () => {
    renderWithApp(<SharesChart days={days} />);
    const chart = screen.getByRole("img", { name: "3日間で8口" });
    expect(chart.querySelectorAll("rect.bar-day")).toHaveLength(3);
  });

  it("copes with no sales yet", () => {
    expect(cumulativePoints([])).toEqual({ total: 0, points: [] });
  });
});
