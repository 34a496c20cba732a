import { describe, expect, it } from "vitest";
import { plan } from "../../testing/fixtures";
import { seasonOf } from "../../vocabulary";
import { matchesLocally } from "./plan-list";

const now = Date.parse("2026-06-15T00:00:00Z");
const all = { category: "", region: "", season: "", openNow: false } as const;

describe("plan filters decided in the browser", () => {
  it("puts a delivery in Japan's seasons", () => {
    expect(["2026-03-01", "2026-06-30", "2026-11-30", "2027-02-01"].map(seasonOf)).toEqual([
      "spring",
      "summer",
      "autumn",
      "winter",
    ]);
  });

  it("keeps only plans taking reservations now when asked", () => {
    const open = plan();
    expect(matchesLocally(open, { ...all, openNow: true }, now)).toBe(true);
    expect(matchesLocally(plan({ sharesRemaining: 0 }), { ...all, openNow: true }, now)).toBe(
      false,
    );
    expect(
      matchesLocally(plan({ salesOpenAt: "2026-07-01T00:00:00Z" }), { ...all, openNow: true }, now),
    ).toBe(false);
    expect(matchesLocally(plan({ status: "closed" }), all, now)).toBe(true);
    expect(matchesLocally(open, { ...all, season: "summer" }, now)).toBe(true);
    expect(matchesLocally(open, { ...all, season: "winter" }, now)).toBe(false);
  });
});
