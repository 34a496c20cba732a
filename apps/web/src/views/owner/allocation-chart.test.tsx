import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithApp } from "../../testing/render";
import { AllocationChart, receivedBars } from "./allocation-chart";

describe("receivedBars", () => {
  it("draws entitled and received on one scale, lots stacked in order", () => {
    const { entitledWidth, bars } = receivedBars(
      8,
      [
        { lotId: "lot_1", grade: "standard", units: 3 },
        { lotId: "lot_2", grade: "offspec", units: 1 },
      ],
      200,
    );
    expect(entitledWidth).toBe(200);
    expect(bars).toEqual([
      { key: "lot_1-0", x: 0, width: 75, grade: "standard" },
      { key: "lot_2-1", x: 75, width: 25, grade: "offspec" },
    ]);
  });

  it("scales to the received bar when a bonus makes it longer than the entitlement", () => {
    const { entitledWidth, bars } = receivedBars(
      4,
      [{ lotId: "l", grade: "standard", units: 5 }],
      100,
    );
    expect(entitledWidth).toBe(80);
    expect(bars[0]?.width).toBe(100);
  });

  it("draws nothing received before the harvest, without dividing by zero", () => {
    expect(receivedBars(0, [], 100)).toEqual({ entitledWidth: 0, bars: [] });
  });
});

describe("AllocationChart", () => {
  it("says entitled vs received in words (for screen readers) and lists each lot", () => {
    renderWithApp(
      <AllocationChart
        entitled={8}
        unitLabel="pack"
        lots={[
          { lotId: "lot_1", grade: "standard", units: 3 },
          { lotId: "lot_2", grade: "offspec", units: 1 },
        ]}
      />,
    );
    const chart = screen.getByRole("img", { name: "予定8packに対して配分4pack" });
    expect(chart.querySelectorAll("[data-testid=received-bar]")).toHaveLength(2);
    expect(screen.getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "ロット1（秀品）: 4 pack".replace("4", "3"),
      "ロット2（規格外）: 1 pack",
    ]);
  });
});
